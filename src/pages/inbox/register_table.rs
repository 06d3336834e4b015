//! The incoming register as the clerk sees it, and its exports: CSV with a
//! BOM for Excel, and an `.xlsx` workbook.

use std::rc::Rc;

use eservice_core::incoming::IncomingRegister;
use yew::prelude::*;

use super::{KEY, STORE};
use crate::download::{save_bytes, save_text};
use crate::i18n;

/// Keeps the register in IndexedDB; `false` if this browser would not.
pub async fn save(register: &IncomingRegister) -> bool {
    crate::idb::put(STORE, KEY, &register.to_csv()).await.is_some()
}

#[derive(Properties, PartialEq)]
pub struct RegisterTableProps {
    pub lang: eservice_core::Lang,
    pub register: Rc<IncomingRegister>,
}

#[component]
pub fn RegisterTable(props: &RegisterTableProps) -> Html {
    let lang = props.lang;
    let failed = use_state(|| None::<String>);
    let csv = {
        let (reg, failed) = (props.register.clone(), failed.clone());
        Callback::from(move |_: MouseEvent| failed.set(save_text("incoming-register.csv", "text/csv;charset=utf-8", &reg.to_csv()).err()))
    };
    let xlsx = {
        let (reg, failed) = (props.register.clone(), failed.clone());
        Callback::from(move |_: MouseEvent| {
            let mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            failed.set(save_bytes("incoming-register.xlsx", mime, &reg.to_xlsx()).err())
        })
    };
    let rows = &props.register.rows;
    html! {
        <section class="incoming-register">
            <h2>{ i18n::INBOX_REGISTER.get(lang) }</h2>
            if rows.is_empty() {
                <p>{ i18n::INBOX_EMPTY.get(lang) }</p>
            } else {
                <div class="table-scroll">
                    <table id="incoming-register">
                        <thead><tr>
                            <th scope="col">{ i18n::COL_NUMBER.get(lang) }</th>
                            <th scope="col">{ i18n::COL_RECEIVED.get(lang) }</th>
                            <th scope="col">{ i18n::COL_SENDER.get(lang) }</th>
                            <th scope="col">{ i18n::COL_SUBJECT.get(lang) }</th>
                            <th scope="col">{ i18n::COL_REFERENCE.get(lang) }</th>
                            <th scope="col">{ i18n::STATUS.get(lang) }</th>
                        </tr></thead>
                        <tbody>
                            { for rows.iter().map(|r| html! {
                                <tr key={r.number}>
                                    <td>{ r.number }</td><td>{ &r.received }</td><td>{ &r.sender }</td>
                                    <td>{ &r.subject }</td><td><code>{ &r.reference }</code></td><td>{ &r.status }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            <div class="form-actions">
                <button type="button" id="export-csv" class="secondary" onclick={csv} disabled={rows.is_empty()}>{ i18n::INBOX_CSV.get(lang) }</button>
                <button type="button" id="export-xlsx" class="secondary" onclick={xlsx} disabled={rows.is_empty()}>{ i18n::INBOX_XLSX.get(lang) }</button>
            </div>
            if let Some(reason) = &*failed {
                <p class="field-error" role="alert">{ format!("{}: {reason}", i18n::DOWNLOAD_FAILED.get(lang)) }</p>
            }
        </section>
    }
}
