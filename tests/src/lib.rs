//! Shared helpers for Aduan's end-to-end tests.
//!
//! The HTTP and browser suites arrive with the server (issue 3) and the
//! widgets (issue 4); cross-crate tests of the core live in `tests/tests/`.
