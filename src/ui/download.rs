//! Saving text or bytes as a file the user downloads.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Offers `text` as a download named `file_name`.
pub fn download_text(file_name: &str, text: &str, mime: &str) {
    download_parts(file_name, &js_sys::Array::of1(&text.into()), mime);
}

/// Offers the strings in `parts`, joined, as a download named `file_name` (the browser joins
/// them, so a file written in steps is never one string in wasm).
pub fn download_parts(file_name: &str, parts: &js_sys::Array, mime: &str) {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    // The sequence may hold strings or byte arrays: a Blob takes either.
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document().create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(file_name);
            a.click();
        }
    }
    // Revoking at once can cancel the download in some browsers; give it a moment.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
}

/// Offers `bytes` as a download named `file_name` (a workbook, not text).
pub fn download_bytes(file_name: &str, bytes: &[u8], mime: &str) {
    let array = js_sys::Uint8Array::from(bytes);
    download_parts(file_name, &js_sys::Array::of1(&array.into()), mime);
}
