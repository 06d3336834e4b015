//! `#/inbox`: a clerk drops the submission packages that arrived (by e-mail
//! at a starter-level agency) and sees for each whether it is complete and
//! untouched: the ZIP opened within bounds, the evidence hashed again, the
//! data validated again against the form, signed PDFs verified, the
//! required evidence listed. Accepted packages join the incoming register
//! (ทะเบียนหนังสือรับ), kept in IndexedDB and exported as CSV or Excel.
//! Packages sealed to the agency's key open with its key file and
//! passphrase ([`agency_key`]). Nothing leaves the device.

mod agency_key;
mod package_card;
mod register_table;

use std::rc::Rc;

use eservice_core::incoming::IncomingRegister;
use web_sys::{File, HtmlInputElement};
use yew::prelude::*;

use crate::i18n;
use crate::picked_files::files_of;
use agency_key::{AgencyKey, NewKey, UseKey};
use package_card::PackageCard;
use register_table::{save, RegisterTable};

pub const STORE: &str = "incoming";
pub const KEY: &str = "register";

#[derive(Properties, PartialEq)]
pub struct InboxProps {
    pub lang: eservice_core::Lang,
}

#[component]
pub fn InboxPage(props: &InboxProps) -> Html {
    let lang = props.lang;
    // Every file dropped, in order; each card opens and checks its own.
    let files = use_state(Vec::<(u32, File)>::new);
    let next = use_mut_ref(|| 0u32);
    let register = use_state(|| Rc::new(IncomingRegister::default()));
    let kept = use_state(|| true);
    let agency_key = use_state(|| None::<AgencyKey>);
    let on_key = {
        let agency_key = agency_key.clone();
        Callback::from(move |k: AgencyKey| agency_key.set(Some(k)))
    };
    {
        let register = register.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(csv) = crate::idb::get(STORE, KEY).await {
                    register.set(Rc::new(IncomingRegister::from_csv(&csv)));
                }
            });
        });
    }
    let add_files = {
        let (files, next) = (files.clone(), next.clone());
        Callback::from(move |new: Vec<File>| {
            let mut all = (*files).clone();
            for f in new {
                *next.borrow_mut() += 1;
                all.push((*next.borrow(), f));
            }
            files.set(all);
        })
    };
    let on_pick = {
        let add = add_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            add.emit(files_of(input.files()));
            input.set_value("");
        })
    };
    let on_drop = {
        let add = add_files;
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            add.emit(files_of(e.data_transfer().and_then(|d| d.files())));
        })
    };
    // Accepting: the register grows by the package's row and is kept.
    let on_accept = {
        let (register, kept) = (register.clone(), kept.clone());
        Callback::from(move |updated: IncomingRegister| {
            let updated = Rc::new(updated);
            register.set(updated.clone());
            let kept = kept.clone();
            wasm_bindgen_futures::spawn_local(async move {
                kept.set(save(&updated).await);
            });
        })
    };
    html! {
        <section class="inbox">
            <h1>{ i18n::INBOX_TITLE.get(lang) }</h1>
            <p>{ i18n::INBOX_INTRO.get(lang) }</p>
            <label class="drop-zone" ondragover={Callback::from(|e: DragEvent| e.prevent_default())} ondrop={on_drop}>
                <span>{ i18n::INBOX_PICK.get(lang) }</span>
                <span class="secondary file-button">{ i18n::CHOOSE_FILES.get(lang) }</span>
                <input id="inbox-files" type="file" class="visually-hidden" multiple=true accept=".zip,.age,application/zip" onchange={on_pick} />
            </label>
            <UseKey lang={lang} {on_key} in_use={agency_key.as_ref().map(|k| k.file.name())} />
            <div class="inbox-packages">
                { for files.iter().map(|(id, f)| html! {
                    <PackageCard key={*id} lang={lang} file={f.clone()} register={(*register).clone()} on_accept={on_accept.clone()} agency_key={(*agency_key).clone()} />
                }) }
            </div>
            if !*kept {
                <p class="problem" role="alert">{ i18n::INBOX_NOT_KEPT.get(lang) }</p>
            }
            <RegisterTable lang={lang} register={(*register).clone()} />
            <NewKey lang={lang} />
        </section>
    }
}
