namespace Edge.Gateway.Store;

/// <summary>One frame waiting for the group commit; its publisher awaits <see cref="Completion"/>.</summary>
internal sealed class PendingWrite(StoredFrame frame)
{
    private readonly TaskCompletionSource<StoreWriteResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<ReadingRecord> Readings => Frame.Readings;

    public StoredFrame Frame { get; } = frame;

    /// <summary>Completes once the transaction that carries the frame has committed (or failed).</summary>
    public Task<StoreWriteResult> Completion => _completion.Task;

    public void Complete(StoreWriteResult result) => _completion.TrySetResult(result);

    public void Fail(Exception error) => _completion.TrySetException(error);
}
