"""The translation workflow's admin screens, one module per screen."""
