"""Pure logic: plain data in, plain data out, no Django. Tested with Hypothesis."""
