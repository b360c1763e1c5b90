"""The registry: the landscape of regions, municipalities, clusters and regional actors."""
