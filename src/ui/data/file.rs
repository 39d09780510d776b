//! Reading a file the user chose or dropped, without loading a too-large one into memory.

use crate::snapshot::MAX_SNAPSHOT_BYTES;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A file read as text, or the size that kept it from being read.
#[derive(Clone, Debug, PartialEq)]
pub enum PickedFile {
    /// The file's name and its text.
    Read {
        /// As the user's system names it.
        name: String,
        /// Its contents (invalid UTF-8 is replaced, and then fails as JSON with a position).
        text: String,
    },
    /// Larger than [`MAX_SNAPSHOT_BYTES`]: refused before reading.
    TooLarge {
        /// As the user's system names it.
        name: String,
        /// Its size in bytes.
        bytes: usize,
    },
}

/// A file dropped anywhere on the page, waiting for the data screen to pick it up.
#[derive(Clone, Copy)]
pub struct DroppedFile(pub RwSignal<Option<PickedFile>>);

/// Reads `file` as text and passes it to `done`; a file over the limit is not read at all. The
/// bytes are read and decoded in the wasm ([`crate::snapshot::file_text`]), which is many times
/// quicker for a large file than the browser's text and its hand-over.
pub fn read_file(file: web_sys::File, done: impl FnOnce(PickedFile) + 'static) {
    let name = file.name();
    let bytes = file.size() as usize;
    if bytes > MAX_SNAPSHOT_BYTES {
        done(PickedFile::TooLarge { name, bytes });
        return;
    }
    let Ok(reader) = web_sys::FileReader::new() else {
        return;
    };
    let handle = reader.clone();
    let onload = Closure::once_into_js(move || {
        let bytes = handle
            .result()
            .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
            .unwrap_or_default();
        let text = crate::snapshot::file_text(bytes);
        done(PickedFile::Read { name, text });
    });
    reader.set_onload(Some(onload.unchecked_ref()));
    let _ = reader.read_as_array_buffer(&file);
}

/// Lets a snapshot be dropped on any screen: the file is read and the data screen opens with
/// it. Dragging over the page shows where to drop (the `data-drop` class on `<body>`).
pub fn install_drop(dropped: DroppedFile) {
    let over = window_event_listener(leptos::ev::dragover, move |ev: web_sys::DragEvent| {
        if carries_files(&ev) {
            ev.prevent_default();
            let _ = document().body().map(|b| b.class_list().add_1("data-drop"));
        }
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |ev: web_sys::DragEvent| {
        // Leaving a child element also fires; only leaving the window (no related target) ends it.
        if ev.related_target().is_none() {
            let _ = document()
                .body()
                .map(|b| b.class_list().remove_1("data-drop"));
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev: web_sys::DragEvent| {
        let _ = document()
            .body()
            .map(|b| b.class_list().remove_1("data-drop"));
        let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        ev.prevent_default();
        read_file(file, move |picked| {
            dropped.0.set(Some(picked));
            crate::ui::nav::go(&crate::route::Route::Data);
        });
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });
}

fn carries_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer()
        .is_some_and(|d| d.types().includes(&"Files".into(), 0))
}

/// Reads `file` as bytes (a spreadsheet or a CSV file of any encoding) and passes its name and
/// bytes to `done`, or its size when it is over the import's limit and was not read.
pub fn read_bytes(
    file: web_sys::File,
    done: impl FnOnce(String, Result<Vec<u8>, usize>) + 'static,
) {
    let name = file.name();
    let bytes = file.size() as usize;
    if bytes > crate::import::read::MAX_FILE_BYTES {
        done(name, Err(bytes));
        return;
    }
    let Ok(reader) = web_sys::FileReader::new() else {
        return;
    };
    let handle = reader.clone();
    let onload = Closure::once_into_js(move || {
        let bytes = handle
            .result()
            .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec())
            .unwrap_or_default();
        done(name, Ok(bytes));
    });
    reader.set_onload(Some(onload.unchecked_ref()));
    let _ = reader.read_as_array_buffer(&file);
}
