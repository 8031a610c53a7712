"""What a person does in the main window, one module per feature, each a controller the window
holds: `cases` (opening case files, forms, decisions), `documents`, `conferences`, `exchange`
(packages and backups), `administration`. A new feature adds a module here and one action in
`ui.main_window`; it reads the signed-in person from the window's `SessionHolder` and runs its
work through `ui.operations`."""
