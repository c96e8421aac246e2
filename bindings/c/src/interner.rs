//! Copies that live until the process exits: NUL-terminated copies of the core's `&'static str`s, leaked
//! slices, and the [`Interner`] that makes one copy of each distinct string while the record tables are
//! built (`crate::records`). `crate::strings` answers from the copies once the tables exist.

use core::ffi::{CStr, c_char};
use std::collections::HashMap;

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

    /// Every copy, sorted by content, for `crate::strings::intern`. (A sorted array rather than the hash
    /// map: valgrind then sees every copy as reachable from its start.)
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
