//! A PDF's revisions: each incremental update ends with `%%EOF` (and an
//! optional end-of-line). A signature signs everything up to the end of one
//! revision; bytes after it were added later.

/// The end offset of each revision, in file order: just past `%%EOF` and the
/// end-of-line that follows it, if any.
pub fn revisions(pdf: &[u8]) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut from = 0;
    while let Some(i) = find(&pdf[from..], b"%%EOF") {
        let mut end = from + i + 5;
        // The marker must end a line (or the file): "%%EOFx" is not one.
        match pdf.get(end) {
            Some(b'\r') if pdf.get(end + 1) == Some(&b'\n') => end += 2,
            Some(b'\r' | b'\n') => end += 1,
            None => {}
            Some(_) => {
                from = end;
                continue;
            }
        }
        ends.push(end);
        from = end;
    }
    ends
}

/// The first position of `needle` in `hay`.
pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ends_of_revisions() {
        let pdf = b"%PDF-1.7\n...%%EOF\n...update...%%EOF\r\n";
        assert_eq!(revisions(pdf), [18, pdf.len()]);
        assert_eq!(revisions(b"%%EOF"), [5]);
        assert_eq!(revisions(b"% not %%EOFX here\n"), Vec::<usize>::new());
    }

    #[test]
    fn finds_needles_anywhere() {
        assert_eq!(find(b"abcabd", b"abd"), Some(3));
        assert_eq!(find(b"ab", b"abc"), None);
        assert_eq!(find(b"aaab", b"ab"), Some(2));
        assert_eq!(find(b"", b"a"), None);
    }
}
