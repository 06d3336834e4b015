//! The files a user picked in a file input or dropped on the page.

use web_sys::{File, FileList};

/// The files of an input's or a drop's `FileList`, in order.
pub fn files_of(list: Option<FileList>) -> Vec<File> {
    let Some(list) = list else { return Vec::new() };
    gloo_file::FileList::from(list).iter().map(|f| AsRef::<File>::as_ref(f).clone()).collect()
}
