//! NUL-terminated copies of the core's `&'static str`s.
//!
//! The core's strings have no NUL terminator, so the library builds a NUL-terminated copy of each distinct
//! string once, on first use, and keeps it for the life of the process. C receives `const char *` pointers
//! into these copies: it never frees them and they never move. Valgrind reports them as "still reachable".

use crate::interner::leak_cstr;
use core::ffi::{CStr, c_char};
use std::sync::{Mutex, PoisonError};

/// The NUL-terminated copy of a static string, shared by every caller.
///
/// Every string of the knowledge base (records, vocabulary keys, the data version) is copied once when the
/// record tables are built (`crate::records`), so a look-up here is a binary search of an immutable sorted
/// array. A string not in the tables (none is known) is copied on first request under a lock and kept.
pub(crate) fn intern(text: &'static str) -> *const c_char {
    let strings = &crate::records::tables().strings;
    if let Ok(i) = strings.binary_search_by(|(s, _)| s.cmp(&text)) {
        return strings[i].1.as_ptr();
    }
    static EXTRA: Mutex<Vec<(&'static str, &'static CStr)>> = Mutex::new(Vec::new());
    let mut extra = EXTRA.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, cstr)) = extra.iter().find(|(s, _)| *s == text) {
        return cstr.as_ptr();
    }
    let cstr = leak_cstr(text);
    extra.push((text, cstr));
    cstr.as_ptr()
}
