//! Strings of a response that share one copy of its bytes.
//!
//! A session keeps the responses it collects beyond the read buffer they
//! were parsed from, so their strings must be detached (`into_owned`).
//! Copying each string on its own cost an allocation per string, sixty
//! for a FETCH of ENVELOPE and BODYSTRUCTURE: through the session, such a
//! FETCH went four times slower than the parser alone, most of it in
//! `malloc` and `free`. Instead the session copies the whole response
//! once, parses that copy, and detaches the result inside
//! [`detach_sharing`]: every [`ByteStr`](super::ByteStr) that borrows from
//! the copy then keeps a counted reference to it and its range, with no
//! allocation.
//!
//! The cost: a string kept alone keeps its whole response alive (a
//! subject kept from a response with a 10 MB `BODY[]` holds the 10 MB),
//! as with any shared buffer; `to_vec()` (through `Deref`) copies.
//!
//! The frame being detached is passed through a thread-local set for the
//! duration of the call, so that the `into_owned` of every type (there
//! are dozens, nested) needs no extra parameter: only `ByteStr` looks at
//! it.

use std::cell::RefCell;
use std::sync::Arc;

/// A range of a response's bytes, kept alive by counting.
#[derive(Clone)]
pub(crate) struct SharedSlice {
    frame: Arc<Box<[u8]>>,
    start: u32,
    len: u32,
}

impl SharedSlice {
    /// The bytes.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        let start = self.start as usize;
        &self.frame[start..start + self.len as usize]
    }
}

thread_local! {
    static FRAME: RefCell<Option<Arc<Box<[u8]>>>> = const { RefCell::new(None) };
}

/// Runs `detach` (an `into_owned` of values parsed from `frame`) so that
/// the strings borrowed from `frame` share it instead of being copied.
pub(crate) fn detach_sharing<T>(frame: &Arc<Box<[u8]>>, detach: impl FnOnce() -> T) -> T {
    /// Clears the frame even if `detach` panics.
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            FRAME.with_borrow_mut(|f| *f = None);
        }
    }
    FRAME.with_borrow_mut(|f| *f = Some(Arc::clone(frame)));
    let _reset = Reset;
    detach()
}

/// `slice` as a range of the frame being detached, if it lies inside it
/// (outside [`detach_sharing`], or for bytes elsewhere, `None`: copy).
pub(crate) fn share(slice: &[u8]) -> Option<SharedSlice> {
    FRAME.with_borrow(|frame| {
        let frame = frame.as_ref()?;
        // Addresses compared as numbers: is `slice` within the frame?
        let base = frame.as_ptr() as usize;
        let start = (slice.as_ptr() as usize).checked_sub(base)?;
        let end = start.checked_add(slice.len()).filter(|end| *end <= frame.len())?;
        Some(SharedSlice {
            frame: Arc::clone(frame),
            start: u32::try_from(start).ok()?,
            len: u32::try_from(end - start).ok()?,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_of_the_frame_are_shared_while_detaching_only() {
        let frame: Arc<Box<[u8]>> = Arc::new(Box::from(&b"* 1 FETCH (UID 7)\r\n"[..]));
        let uid = &frame[11..14];
        assert!(share(uid).is_none(), "outside detach_sharing");
        let shared = detach_sharing(&frame, || share(uid)).unwrap();
        assert_eq!(shared.as_bytes(), b"UID");
        assert_eq!(Arc::strong_count(&frame), 2);
        assert!(share(uid).is_none(), "cleared afterwards");
    }

    #[test]
    fn bytes_elsewhere_are_not_shared() {
        let frame: Arc<Box<[u8]>> = Arc::new(Box::from(&b"abc"[..]));
        let other = b"abc".to_vec();
        assert!(detach_sharing(&frame, || share(&other)).is_none());
        let whole = detach_sharing(&frame, || share(&frame[..])).unwrap();
        assert_eq!(whole.as_bytes(), b"abc");
        let empty_end = detach_sharing(&frame, || share(&frame[3..])).unwrap();
        assert_eq!(empty_end.as_bytes(), b"");
    }

    #[test]
    fn a_panic_while_detaching_clears_the_frame() {
        let frame: Arc<Box<[u8]>> = Arc::new(Box::from(&b"abc"[..]));
        let caught = std::panic::catch_unwind(|| detach_sharing(&frame, || panic!("boom")));
        assert!(caught.is_err());
        assert!(share(&frame[..]).is_none());
    }
}
