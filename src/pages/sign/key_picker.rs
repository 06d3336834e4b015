//! Where the clerk gives the agency's key: a `.p12`/`.pfx` with its
//! password (what Thai CAs issue), or PEM key and certificate files. The
//! password stays in its field; it is read from there for each request to
//! the worker and kept nowhere else.

use std::rc::Rc;

use web_sys::{File, HtmlInputElement};
use yew::prelude::*;

use crate::evidence_client::Credentials;
use crate::components::file_picker::FilePicker;
use crate::i18n;

#[derive(Properties, PartialEq)]
pub struct KeyPickerProps {
    pub lang: eservice_core::Lang,
    pub on_change: Callback<Option<Rc<Credentials>>>,
}

fn picked(e: &Event) -> Option<File> {
    let input: HtmlInputElement = e.target_unchecked_into();
    input.files().and_then(|l| l.get(0))
}

#[component]
pub fn KeyPicker(props: &KeyPickerProps) -> Html {
    let lang = props.lang;
    let use_p12 = use_state(|| true);
    // The files picked so far: read by callbacks when they run, so a pick
    // and a click in quick succession never see an older value.
    let p12 = use_mut_ref(|| None::<File>);
    let password = use_node_ref();
    let files = use_mut_ref(|| [None::<File>, None, None]);

    // The field itself goes with the file: its value is read when a
    // request is sent, so a password typed late is the one used.
    let emit_p12 = {
        let (password, on_change) = (password.clone(), props.on_change.clone());
        move |file: Option<File>| {
            let field = password.cast::<HtmlInputElement>();
            on_change.emit(file.zip(field).map(|(f, password)| Rc::new(Credentials::P12 { file: f.into(), password })));
        }
    };
    let on_p12 = {
        let (p12, emit) = (p12.clone(), emit_p12.clone());
        Callback::from(move |e: Event| {
            let f = picked(&e);
            *p12.borrow_mut() = f.clone();
            emit(f);
        })
    };
    let open = {
        let (p12, emit) = (p12.clone(), emit_p12.clone());
        Callback::from(move |_: MouseEvent| emit(p12.borrow().clone()))
    };
    let on_password_key = {
        let (p12, emit) = (p12.clone(), emit_p12);
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                emit(p12.borrow().clone());
            }
        })
    };
    // Slot 0 is the key, 1 the certificate, 2 the chain.
    let pem_picker = |slot: usize| {
        let (files, on_change) = (files.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            files.borrow_mut()[slot] = picked(&e);
            let [k, c, ch] = files.borrow().clone();
            on_change.emit(match (k, c) {
                (Some(k), Some(c)) => Some(Rc::new(Credentials::Pem { key: k.into(), cert: c.into(), chain: ch.map(Into::into) })),
                _ => None,
            });
        })
    };
    let mode = |p12_mode: bool| {
        let (use_p12, on_change) = (use_p12.clone(), props.on_change.clone());
        Callback::from(move |_: Event| {
            use_p12.set(p12_mode);
            on_change.emit(None);
        })
    };

    html! {
        <fieldset class="key-picker">
            <legend>{ i18n::SIGN_KEY.get(lang) }</legend>
            <label class="choice"><input type="radio" name="key-kind" id="key-kind-p12" checked={*use_p12} onchange={mode(true)} />{ i18n::SIGN_KEY_P12.get(lang) }</label>
            <label class="choice"><input type="radio" name="key-kind" id="key-kind-pem" checked={!*use_p12} onchange={mode(false)} />{ i18n::SIGN_KEY_PEM.get(lang) }</label>
            if *use_p12 {
                <div class="field">
                    <label for="p12-file">{ i18n::SIGN_P12_FILE.get(lang) }</label>
                    <FilePicker id="p12-file" accept=".p12,.pfx,application/x-pkcs12" lang={lang} onchange={on_p12} />
                </div>
                <div class="field">
                    <label for="p12-password">{ i18n::SIGN_PASSWORD.get(lang) }</label>
                    <input id="p12-password" type="password" autocomplete="off" ref={password} onkeydown={on_password_key} />
                </div>
                <button type="button" id="open-key" class="secondary" onclick={open}>{ i18n::SIGN_OPEN_KEY.get(lang) }</button>
            } else {
                <div class="field">
                    <label for="key-file">{ i18n::SIGN_KEY_FILE.get(lang) }</label>
                    <FilePicker id="key-file" accept=".key,.pem,.der" lang={lang} onchange={pem_picker(0)} />
                </div>
                <div class="field">
                    <label for="cert-file">{ i18n::SIGN_CERT_FILE.get(lang) }</label>
                    <FilePicker id="cert-file" accept=".crt,.cer,.pem,.der" lang={lang} onchange={pem_picker(1)} />
                </div>
                <div class="field">
                    <label for="chain-file">{ i18n::SIGN_CHAIN_FILE.get(lang) }</label>
                    <FilePicker id="chain-file" accept=".crt,.cer,.pem,.der" lang={lang} onchange={pem_picker(2)} />
                </div>
            }
        </fieldset>
    }
}
