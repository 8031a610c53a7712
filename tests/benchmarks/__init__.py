"""Benchmarks of the encrypted store beside plain SQLite, run with `python -m tests.benchmarks`.

Every benchmark runs the real services twice in the same run: once over the SQLCipher store
(`db.store.Store`) and once over `PlainStore`, the same store whose connections are plain
`sqlite3` with the production pragmas. Key slots, the audit head and the services are the same
code on both sides, so the ratio encrypted/plain is the cost of encryption. The files are not
named `test_*.py`: pytest does not collect them.
"""
