"""The application core: services, workflow, command line and entry point. No widgets here."""
