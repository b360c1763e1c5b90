"""The demo round: fictitious per-cluster answers consistent with BRN's published 2023 totals."""
