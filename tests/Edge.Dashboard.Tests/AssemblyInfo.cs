// One browser and one ingest at a time: the machines have two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
