"""Writers that turn core results into files (PowerPoint, Excel)."""
