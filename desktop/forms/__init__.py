"""Guided forms: the definition files of this folder, and the rules for their answers."""
