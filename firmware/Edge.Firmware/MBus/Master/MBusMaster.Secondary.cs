namespace Edge.Firmware.MBus.Master;

/// <summary>Secondary addressing: selection (SND_UD, CI 0x52, to 0xFD) and the wildcard search (EN 13757-3, network layer).</summary>
public sealed partial class MBusMaster
{
    private IMBusSearchHandler? _searchHandler;
    private MBusTelegram? _searchTelegram;
    private int _found;
    private int _unresolved;

    /// <summary>Slaves found by the last <see cref="Search"/>.</summary>
    public int LastSearchFound => _found;

    /// <summary>Patterns the last <see cref="Search"/> could not split: all 8 id digits fixed and still a collision.</summary>
    public int LastSearchUnresolved => _unresolved;

    /// <summary>
    /// Selects the slave(s) matching <paramref name="pattern"/>: every matching slave answers 0xE5 and is then
    /// addressed as 0xFD; the others are deselected. <see cref="MBusMasterResult.Ok"/> means exactly one answered,
    /// <see cref="MBusMasterResult.Collision"/> several, <see cref="MBusMasterResult.NoAnswer"/> none.
    /// </summary>
    public int Select(MBusSecondaryAddress pattern) => SelectCore(pattern, Retries);

    /// <summary>Selects the slave with the complete address <paramref name="address"/> and reads all its telegrams at 0xFD.</summary>
    public int ReadSecondary(MBusSecondaryAddress address, MBusTelegram telegram, IMBusTelegramHandler handler)
    {
        if (address == null || !address.IsCompleteId())
        {
            return Invalid("a complete 8-digit secondary address is required to read a slave");
        }

        var selected = Select(address);
        if (selected != MBusMasterResult.Ok)
        {
            return selected;
        }

        // The selected slave's link layer starts fresh for us: no SND_NKE at 0xFD, which would deselect it.
        var reset = ResetBeforeRead;
        ResetBeforeRead = false;
        try
        {
            return ReadAll(MBusControl.SelectedAddress, telegram, handler);
        }
        finally
        {
            ResetBeforeRead = reset;
        }
    }

    /// <summary>
    /// Finds every slave by the wildcard search: depth first over the id digits, most significant first. A digit
    /// with no answer is skipped; one 0xE5 means one slave, which is read at 0xFD and handed to
    /// <paramref name="handler"/>; a collision fixes the next digit. Returns the number found.
    /// </summary>
    public int Search(MBusTelegram telegram, IMBusSearchHandler handler)
    {
        if (telegram == null || handler == null)
        {
            return Invalid("telegram and handler are required");
        }

        _searchHandler = handler;
        _searchTelegram = telegram;
        _found = 0;
        _unresolved = 0;
        var pattern = new MBusSecondaryAddress();
        SearchFrom(pattern, 0);
        _searchHandler = null;
        _searchTelegram = null;
        LastError = _unresolved == 0 ? null : _unresolved.ToString() + " collisions with all id digits fixed (same id, several slaves)";
        return _found;
    }

    private void SearchFrom(MBusSecondaryAddress pattern, int position)
    {
        for (var digit = 0; digit <= 9; digit++)
        {
            pattern.SetDigit(position, digit);

            // One attempt per probe: silence is the common answer during a search.
            var result = SelectCore(pattern, 0);
            if (result == MBusMasterResult.Ok)
            {
                ReadFound();
            }
            else if (result == MBusMasterResult.Collision)
            {
                if (position < 7)
                {
                    SearchFrom(pattern, position + 1);
                }
                else
                {
                    _unresolved++;
                }
            }
        }

        pattern.SetDigit(position, 0xF);
    }

    private void ReadFound()
    {
        var t = _searchTelegram!;
        _nextFcb[MBusControl.SelectedAddress] = true;
        if (RequestData(MBusControl.SelectedAddress, t) == MBusMasterResult.Ok)
        {
            _found++;
            _searchHandler!.OnFound(t);
        }
    }

    private int SelectCore(MBusSecondaryAddress pattern, int retries)
    {
        if (pattern == null)
        {
            return Invalid("pattern is required");
        }

        pattern.Write(_selection, 0);
        var length = MBusWiredFrame.WriteLong(_tx, 0, MBusControl.SndUd, MBusControl.SelectedAddress, MBusControl.CiSelect, _selection, 0, MBusSecondaryAddress.Length);
        var saved = Retries;
        Retries = retries;
        int result;
        try
        {
            result = Exchange(length, false, MBusControl.SelectedAddress);
        }
        finally
        {
            Retries = saved;
        }

        if (result == MBusMasterResult.Ok)
        {
            // A newly selected slave has no FCB history with us: start with FCB = 1 as after SND_NKE.
            _nextFcb[MBusControl.SelectedAddress] = true;
        }

        return Finish(result, "selection of " + pattern.ToString() + " (SND_UD CI 0x52)", MBusControl.SelectedAddress);
    }
}
