//! The service's settings: its id, title and agency in Thai and English,
//! where requests go, and the fee.

use eservice_core::designer::{Channel, Fee, Service};
use eservice_core::{Lang, LocalText};
use yew::prelude::*;

use super::{Dispatch, Edit};
use crate::app::field::target_value;

/// A labelled text input: `id` is its id, `mode` the keyboard it asks for.
pub fn labelled_input(id: String, label: &str, mode: Option<&'static str>, value: String, oninput: Callback<InputEvent>) -> Html {
    html! {
        <div class="field">
            <label for={id.clone()}>{ label.to_owned() }</label>
            <input {id} type="text" inputmode={mode} {value} {oninput} />
        </div>
    }
}

/// A text input labelled `label`, that sets what `set` writes into the design.
pub fn text_input(id: &str, label: &str, value: &str, dispatch: &Dispatch, set: fn(&mut eservice_core::designer::Design, String)) -> Html {
    let (dispatch, field) = (dispatch.clone(), id.to_owned());
    let oninput = Callback::from(move |e: InputEvent| {
        let v = target_value(&e);
        dispatch.dispatch(Edit::typing(&field, move |d| set(d, v.clone())).into());
    });
    labelled_input(id.to_owned(), label, None, value.to_owned(), oninput)
}

/// `Some` of a non-empty text.
pub fn some(v: String) -> Option<String> {
    (!v.trim().is_empty()).then_some(v)
}

fn th(t: &LocalText) -> &str {
    t.th.as_deref().unwrap_or("")
}

fn en(t: &LocalText) -> &str {
    t.en.as_deref().unwrap_or("")
}

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub service: Service,
    pub lang: Lang,
    pub dispatch: Dispatch,
}

#[component]
pub fn ServiceSettings(props: &SettingsProps) -> Html {
    let (s, lang, d) = (&props.service, props.lang, &props.dispatch);
    let (email, endpoint) = match &s.channel {
        Channel::Email(a) => (a.as_str(), ""),
        Channel::Endpoint(u) => ("", u.as_str()),
        Channel::Download => ("", ""),
    };
    let fee = s.fee.clone().unwrap_or(Fee { biller_id: String::new(), amount: String::new() });
    let channel_select = use_node_ref();
    let channel = match s.channel {
        Channel::Email(_) => "email",
        Channel::Endpoint(_) => "endpoint",
        Channel::Download => "download",
    };
    crate::app::field::use_selected(channel_select.clone(), channel.to_owned());
    let on_channel = {
        let dispatch = d.clone();
        Callback::from(move |e: Event| {
            let picked = target_value(&e);
            dispatch.dispatch(Edit::new(move |d| {
                d.service.channel = match (picked.as_str(), &d.service.channel) {
                    ("email", Channel::Email(_)) | ("endpoint", Channel::Endpoint(_)) => return,
                    ("email", _) => Channel::Email(String::new()),
                    ("endpoint", _) => Channel::Endpoint(String::new()),
                    _ => Channel::Download,
                };
            }).into());
        })
    };
    html! {
        <fieldset class="group designer-settings">
            <legend>{ lang.pick("บริการ", "The service") }</legend>
            <div class="side-by-side">
                { text_input("service-title-th", lang.pick("ชื่อบริการ (ไทย)", "Service title (Thai)"), th(&s.title), d, |d, v| d.service.title.th = some(v)) }
                { text_input("service-title-en", lang.pick("ชื่อบริการ (อังกฤษ)", "Service title (English)"), en(&s.title), d, |d, v| d.service.title.en = some(v)) }
            </div>
            <div class="side-by-side">
                { text_input("service-agency-th", lang.pick("หน่วยงาน (ไทย)", "Agency (Thai)"), th(&s.agency), d, |d, v| d.service.agency.th = some(v)) }
                { text_input("service-agency-en", lang.pick("หน่วยงาน (อังกฤษ)", "Agency (English)"), en(&s.agency), d, |d, v| d.service.agency.en = some(v)) }
            </div>
            <div class="side-by-side">
                { text_input("service-description-th", lang.pick("คำอธิบายบริการ (ไทย)", "Description (Thai)"), th(&s.description), d, |d, v| d.service.description.th = some(v)) }
                { text_input("service-description-en", lang.pick("คำอธิบายบริการ (อังกฤษ)", "Description (English)"), en(&s.description), d, |d, v| d.service.description.en = some(v)) }
            </div>
            { text_input("service-id", lang.pick("รหัสแบบฟอร์ม (ชื่อโฟลเดอร์ เช่น food-shop)", "Form id (its folder, such as food-shop)"), &s.id, d, |d, v| d.service.id = v.trim().to_owned()) }
            <div class="side-by-side">
                <div class="field">
                    <label for="service-channel">{ lang.pick("ส่งคำขอทาง", "Requests go by") }</label>
                    <select id="service-channel" ref={channel_select} onchange={on_channel}>
                        <option value="email">{ lang.pick("อีเมล", "E-mail") }</option>
                        <option value="endpoint">{ lang.pick("ระบบ e-Service ของหน่วยงาน", "The agency's e-Service") }</option>
                        <option value="download">{ lang.pick("ประชาชนดาวน์โหลดคำขอไปยื่นเอง", "The citizen downloads the request and hands it in") }</option>
                    </select>
                </div>
                if channel == "email" {
                    { text_input("service-email", lang.pick("อีเมลที่รับคำขอ", "E-mail address that receives requests"), email, d, |d, v| d.service.channel = Channel::Email(v.trim().to_owned())) }
                } else if channel == "endpoint" {
                    { text_input("service-endpoint", lang.pick("ที่อยู่ระบบ e-Service (https://…)", "The e-Service's address (https://…)"), endpoint, d, |d, v| d.service.channel = Channel::Endpoint(v.trim().to_owned())) }
                }
            </div>
            <div class="side-by-side">
                { text_input("service-biller", lang.pick("รหัสผู้รับชำระพร้อมเพย์ (ถ้ามีค่าธรรมเนียม)", "PromptPay biller ID (if there is a fee)"), &fee.biller_id, d, |d, v| set_fee(d, Some(v), None)) }
                { text_input("service-amount", lang.pick("ค่าธรรมเนียม (บาท)", "Fee (baht)"), &fee.amount, d, |d, v| set_fee(d, None, Some(v))) }
            </div>
            <div class="side-by-side">
                { text_input("service-draft-days", lang.pick("เก็บแบบร่างในเครื่องของประชาชนกี่วัน", "Days a citizen's draft is kept"), &s.draft_days.map(|n| n.to_string()).unwrap_or_default(), d, |d, v| d.service.draft_days = v.trim().parse().ok().filter(|n| *n > 0)) }
                { text_input("service-version", lang.pick("รุ่นของแบบฟอร์ม", "Form version"), s.version.as_deref().unwrap_or(""), d, |d, v| d.service.version = some(v.trim().to_owned())) }
            </div>
            // Keys separated by spaces, kept as typed (empty pieces included)
            // so the field shows exactly what was typed between keystrokes.
            { text_input("service-encrypt-to", lang.pick("กุญแจสาธารณะของหน่วยงานสำหรับเข้ารหัสคำขอ (age1… จากกล่องรับคำขอ)", "The agency's public key that requests are encrypted to (age1…, from the inbox)"), &s.encrypt_to.join(" "), d, |d, v| d.service.encrypt_to = v.split(' ').map(str::to_owned).collect()) }
        </fieldset>
    }
}

/// Sets the fee's biller or amount; with both empty, there is no fee.
fn set_fee(d: &mut eservice_core::designer::Design, biller: Option<String>, amount: Option<String>) {
    let mut fee = d.service.fee.take().unwrap_or(Fee { biller_id: String::new(), amount: String::new() });
    if let Some(b) = biller {
        fee.biller_id = b.trim().to_owned();
    }
    if let Some(a) = amount {
        fee.amount = a.trim().to_owned();
    }
    d.service.fee = (!fee.biller_id.is_empty() || !fee.amount.is_empty()).then_some(fee);
}
