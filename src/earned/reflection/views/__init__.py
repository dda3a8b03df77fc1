"""The Reflect pages: one module per tool, and the overview that offers them all."""
