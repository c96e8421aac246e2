//! NUL-terminated copies of the core's `&'static str`s.
//!
//! The core's strings have no NUL terminator, so the library builds a NUL-terminated copy of each distinct
//! string once, on first use, and keeps it for the life of the process. C receives `const char *` pointers
//! into these copies: it never frees them and they never move. Valgrind reports them as "still reachable".

use core::ffi::{CStr, c_char};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

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
/// record tables are built (`crate::records`), so a look-up here is a read of an immutable map. A string
/// not in the tables (none is known) is copied on first request under a lock and kept.
pub(crate) fn intern(text: &'static str) -> *const c_char {
    if let Some(cstr) = crate::records::tables().strings.get(text) {
        return cstr.as_ptr();
    }
    static EXTRA: OnceLock<Mutex<HashMap<&'static str, &'static CStr>>> = OnceLock::new();
    let extra = EXTRA.get_or_init(|| Mutex::new(HashMap::new()));
    let mut extra = extra.lock().unwrap_or_else(PoisonError::into_inner);
    extra.entry(text).or_insert_with(|| leak_cstr(text)).as_ptr()
}

/// Builds the interned copies while the record tables are built.
#[derive(Default)]
pub(crate) struct Interner {
    pub(crate) strings: HashMap<&'static str, &'static CStr>,
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

    /// A leaked array of the copies of `texts`.
    pub(crate) fn list(&mut self, texts: &[&'static str]) -> &'static [*const c_char] {
        leak_slice(texts.iter().map(|t| self.get(t)).collect())
    }
}
