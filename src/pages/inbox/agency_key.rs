//! The agency's encryption key on `#/inbox`: the key file and passphrase
//! that open sealed packages (kept in this page's memory only, never
//! stored), and the one-time step that makes the key pair, with the plain
//! warning that nothing sealed to it can be read without the file and its
//! passphrase, and a backup copy.

use std::rc::Rc;

use eservice_core::Lang;
use web_sys::{File, HtmlInputElement};
use yew::prelude::*;

use crate::components::file_picker::FilePicker;
use crate::evidence_client::{self, JobEvent};
use crate::i18n;

/// The key file and passphrase the clerk gave.
#[derive(Clone, PartialEq)]
pub struct AgencyKey {
    pub file: File,
    pub passphrase: Rc<str>,
}

#[derive(Properties, PartialEq)]
pub struct UseKeyProps {
    pub lang: Lang,
    pub on_key: Callback<AgencyKey>,
    /// The key file in use, by name.
    pub in_use: Option<String>,
}

/// "Key for encrypted requests": the key file and its passphrase.
#[component]
pub fn UseKey(props: &UseKeyProps) -> Html {
    let lang = props.lang;
    let passphrase = use_node_ref();
    let missing = use_state(|| false);
    let file = use_state(|| None::<File>);
    let on_file = {
        let file = file.clone();
        Callback::from(move |e: Event| file.set(e.target_dyn_into::<HtmlInputElement>().and_then(|i| i.files()).and_then(|f| f.get(0))))
    };
    let onsubmit = {
        let (file, passphrase, on_key, missing) = (file.clone(), passphrase.clone(), props.on_key.clone(), missing.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let picked = (*file).clone();
            let pass = passphrase.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            match picked {
                Some(file) if !pass.is_empty() => {
                    missing.set(false);
                    on_key.emit(AgencyKey { file, passphrase: pass.into() });
                }
                _ => missing.set(true),
            }
        })
    };
    html! {
        <form class="inbox-key" {onsubmit}>
            <h2>{ i18n::INBOX_KEY_TITLE.get(lang) }</h2>
            <p class="field-help">{ i18n::INBOX_KEY_HELP.get(lang) }</p>
            <div class="field">
                <label for="inbox-key-file">{ i18n::INBOX_KEY_FILE.get(lang) }</label>
                <FilePicker id="inbox-key-file" accept=".age,.txt" lang={lang} onchange={on_file} />
            </div>
            <div class="field">
                <label for="inbox-key-passphrase">{ i18n::INBOX_KEY_PASSPHRASE.get(lang) }</label>
                <input id="inbox-key-passphrase" type="password" autocomplete="off" ref={passphrase} />
            </div>
            if *missing {
                <p class="problem" role="alert">{ i18n::INBOX_KEY_CHOOSE.get(lang) }</p>
            }
            <button type="submit" class="secondary" id="inbox-key-use">{ i18n::INBOX_KEY_USE.get(lang) }</button>
            if let Some(name) = &props.in_use {
                <p role="status" id="inbox-key-in-use">{ format!("{}: {name}", i18n::INBOX_KEY_IN_USE.get(lang)) }</p>
            }
        </form>
    }
}

#[derive(Clone, PartialEq)]
enum Making {
    Idle,
    Working,
    Made { public: String, file: web_sys::Blob },
    Failed(String, String),
}

#[derive(Properties, PartialEq)]
pub struct NewKeyProps {
    pub lang: Lang,
}

/// Made once at an agency: the key pair sealed packages are sealed to.
#[component]
pub fn NewKey(props: &NewKeyProps) -> Html {
    let lang = props.lang;
    let (first, second) = (use_node_ref(), use_node_ref());
    let state = use_state(|| Making::Idle);
    let onsubmit = {
        let (first, second, state) = (first.clone(), second.clone(), state.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| r.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let (a, b) = (value(&first), value(&second));
            let refuse = |p: i18n::Phrase| Making::Failed(p.th.into(), p.en.into());
            if a.chars().count() < 10 {
                return state.set(refuse(i18n::INBOX_NEW_KEY_SHORT));
            }
            if a != b {
                return state.set(refuse(i18n::INBOX_NEW_KEY_MISMATCH));
            }
            state.set(Making::Working);
            let done = state.clone();
            let on_event = Callback::from(move |e: JobEvent| {
                let JobEvent::Reply(v, blob) = e else { return };
                done.set(match (crate::reply::error_of(&v), blob) {
                    (None, Some(file)) => Making::Made { public: v["public"].as_str().unwrap_or_default().to_owned(), file },
                    (err, _) => {
                        let (th, en) = err.unwrap_or_default();
                        Making::Failed(th, en)
                    }
                });
            });
            if evidence_client::seal_keygen(&a, on_event).is_none() {
                state.set(refuse(i18n::WORKER_UNAVAILABLE));
            }
        })
    };
    let save = |name: &'static str, file: &web_sys::Blob| {
        let file = file.clone();
        Callback::from(move |_: MouseEvent| {
            crate::download::save(name, file.clone()).ok();
        })
    };
    html! {
        <details class="inbox-new-key">
            <summary>{ i18n::INBOX_NEW_KEY_TITLE.get(lang) }</summary>
            <p class="field-help">{ i18n::INBOX_NEW_KEY_HELP.get(lang) }</p>
            if let Making::Made { public, file } = &*state {
                <div class="new-key" role="status">
                    <p class="problem"><strong>{ i18n::INBOX_NEW_KEY_WARNING.get(lang) }</strong></p>
                    <p>{ i18n::INBOX_NEW_KEY_PUBLIC.get(lang) }</p>
                    <p><code id="new-key-public">{ public }</code></p>
                    <button type="button" class="primary" id="new-key-save" onclick={save("agency-key.age", file)}>{ i18n::INBOX_NEW_KEY_SAVE.get(lang) }</button>
                    <button type="button" class="secondary" id="new-key-backup" onclick={save("agency-key-backup.age", file)}>{ i18n::INBOX_NEW_KEY_BACKUP.get(lang) }</button>
                </div>
            } else {
                <form {onsubmit}>
                    <div class="field">
                        <label for="new-key-passphrase">{ i18n::INBOX_KEY_PASSPHRASE.get(lang) }</label>
                        <input id="new-key-passphrase" type="password" autocomplete="new-password" ref={first} />
                    </div>
                    <div class="field">
                        <label for="new-key-confirm">{ i18n::INBOX_NEW_KEY_CONFIRM.get(lang) }</label>
                        <input id="new-key-confirm" type="password" autocomplete="new-password" ref={second} />
                    </div>
                    if let Making::Failed(th, en) = &*state {
                        <p class="problem" role="alert">{ lang.pick(th, en) }</p>
                    }
                    if *state == Making::Working {
                        <p class="loading" role="status">{ i18n::INBOX_NEW_KEY_MAKING.get(lang) }</p>
                    }
                    <button type="submit" class="secondary" id="new-key-make" disabled={*state == Making::Working}>{ i18n::INBOX_NEW_KEY_MAKE.get(lang) }</button>
                </form>
            }
        </details>
    }
}
