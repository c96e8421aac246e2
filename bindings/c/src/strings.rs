//! NUL-terminated copies of the core's `&'static str`s.
//!
//! The core's strings have no NUL terminator, so the library builds a NUL-terminated copy of each distinct
//! string once, on first use, and keeps it for the life of the process. C receives `const char *` pointers
//! into these copies: it never frees them and they never move. Valgrind reports them as "still reachable".

use core::ffi::{CStr, c_char};
use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

/// Makes a NUL-terminated copy that lives until the process exits.
///
/// A string with an interior NUL (none exists in the data) is cut at the NUL rather than rejected.
pub(crate) fn leak_cstr(text: &str) -> &'static CStr {
    let bytes = text.as_bytes();
    let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    let mut owned = Vec::with_capacity(end + 1);
    owned.extend_from_slice(&bytes[..end]);
    owned.push(0);
    match CStr::from_bytes_with_nul(Box::leak(owned.into_boxed_slice())) {
        Ok(cstr) => cstr,
        Err(_) => c"",
    }
}

/// Makes a slice live until the process exits.
pub(crate) fn leak_slice<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

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

/// Builds the interned copies while the record tables are built.
#[derive(Default)]
pub(crate) struct Interner {
    strings: HashMap<&'static str, &'static CStr>,
}

impl Interner {
    /// The NUL-terminated copy of `text`, made once.
    pub(crate) fn get(&mut self, text: &'static str) -> *const c_char {
        self.strings.entry(text).or_insert_with(|| leak_cstr(text)).as_ptr()
    }

    /// Like [`Interner::get`], NULL for `None`.
    pub(crate) fn opt(&mut self, text: Option<&'static str>) -> *const c_char {
        text.map_or(core::ptr::null(), |t| self.get(t))
    }

    /// Every copy, sorted by content, for [`intern`]. (A sorted array rather than the hash map: valgrind
    /// then sees every copy as reachable from its start.)
    pub(crate) fn into_sorted(self) -> Vec<(&'static str, &'static CStr)> {
        let mut strings: Vec<_> = self.strings.into_iter().collect();
        strings.sort_unstable_by(|a, b| a.0.cmp(b.0));
        strings
    }

    /// A leaked array of the copies of `texts`.
    pub(crate) fn list(&mut self, texts: &[&'static str]) -> &'static [*const c_char] {
        leak_slice(texts.iter().map(|t| self.get(t)).collect())
    }
}
