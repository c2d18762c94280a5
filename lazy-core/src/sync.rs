//! The lazy that threads can share.
