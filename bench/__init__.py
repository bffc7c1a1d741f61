"""Page benchmark for Landnetz: `make bench` (see bench/README.md)."""
