//! What signing gave: the signed permit to download, the updated register
//! to publish, and a link to check the result on `#/verify`.

use yew::prelude::*;

use crate::i18n;

#[derive(Clone, PartialEq)]
pub struct Signed {
    pub file_name: String,
    pub url: String,
    pub sha256: String,
    pub register_url: Option<String>,
}

pub fn signed_view(lang: eservice_core::Lang, s: &Signed) -> Html {
    html! {
        <div class="verdict verdict-valid" role="status" id="signed">
            <h2>{ i18n::SIGNED.get(lang) }</h2>
            <p><a id="signed-download" class="button" href={s.url.clone()} download={s.file_name.clone()}>{ i18n::SIGN_DOWNLOAD.get(lang) }{ " " }{ &s.file_name }</a></p>
            if let Some(url) = &s.register_url {
                <p><a id="register-download" href={url.clone()} download="register.json">{ i18n::SIGN_DOWNLOAD_REGISTER.get(lang) }</a></p>
            }
            <p>{ "SHA-256: " }<code>{ &s.sha256 }</code></p>
            <p><a href="#/verify">{ i18n::SIGN_CHECK.get(lang) }</a></p>
        </div>
    }
}
