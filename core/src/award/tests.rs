//! Tests of the award engine.
