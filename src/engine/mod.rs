//! The evaluator: scopes, pipelines, the parameter binder, streams.
