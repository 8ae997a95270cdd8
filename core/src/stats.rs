//! Not written yet (issue 2 in progress).
