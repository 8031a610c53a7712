"""Qt widgets, dialogs and item models. Talks to desktop/ services, never to SQL."""
