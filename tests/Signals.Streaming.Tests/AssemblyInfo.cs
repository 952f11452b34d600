using Xunit;

// Clusters are CPU-heavy and the machine has two cores: one test class at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
