"""For developers and operators, not for visitors: synthetic data at scale, the benchmark, verification metrics.

These may read the test material under tests/data/; nothing in the product imports them."""
