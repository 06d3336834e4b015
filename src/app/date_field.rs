//! A date in three parts, day, month and year, shown in the Buddhist Era in
//! Thai and the Common Era in English, and stored as ISO 8601.

use eservice_core::form::Field;
use eservice_core::thai_date::{month_name, DateParts};
use eservice_core::Lang;
use serde_json::Value;
use web_sys::Event;
use yew::prelude::*;

use super::field::{described_by, error_text, field_class, field_id, focus_stays_within, help_text, label_text, target_value, use_selected, LeafProps};
use crate::i18n;

/// The date field: day and month chosen, the year typed.
#[component]
pub fn DateField(props: &LeafProps) -> Html {
    let LeafProps { field, value, error, lang, ev } = props;
    let lang = *lang;
    let stored = Field::display(value.as_ref());
    let parts = DateParts::parse(&stored);
    let (day, month) = (use_node_ref(), use_node_ref());
    use_selected(day.clone(), parts.day.map(|d| d.to_string()).unwrap_or_default());
    use_selected(month.clone(), parts.month.map(|m| m.to_string()).unwrap_or_default());
    let id = field_id(&field.pointer);
    let error = error.as_deref();
    let d = described_by(field, error, &id);
    let invalid = error.map(|_| "true");

    // Each part edits the stored date; a part cleared stays cleared. The
    // date is left (and its problem shown) when focus leaves all three parts.
    let edit = |change: fn(DateParts, &str, Lang) -> DateParts| {
        let (p, on_input, stored) = (field.pointer.clone(), ev.on_input.clone(), stored.clone());
        move |e: Event| {
            let next = change(DateParts::parse(&stored), &target_value(&e), lang);
            on_input.emit((p.clone(), next.to_stored().map(Value::String)));
        }
    };
    let onfocusout = {
        let (p, on_blur) = (field.pointer.clone(), ev.on_blur.clone());
        Callback::from(move |e: FocusEvent| {
            if !focus_stays_within(&e, "fieldset") {
                on_blur.emit(p.clone());
            }
        })
    };
    let on_year = edit(|d, v, lang| d.with_shown_year(v, lang));
    let numbers = |range: std::ops::RangeInclusive<u32>, label: fn(u32) -> String| -> Html {
        range.map(|n| html! { <option value={n.to_string()}>{ label(n) }</option> }).collect()
    };
    let months: Html = (1..=12u32).map(|m| html! { <option value={m.to_string()}>{ month_name(m, lang) }</option> }).collect();
    html! {
        <fieldset class={field_class("field field-date", error)} aria-describedby={d.by.clone()} {onfocusout}>
            <legend>{ label_text(field.label.get(lang), field.required, lang) }</legend>
            { help_text(field, lang, Some(d.help)) }
            <div class="date-parts">
                <label class="date-part">
                    <span>{ lang.pick("วันที่", "Day") }</span>
                    <select id={id.clone()} ref={day} aria-invalid={invalid} aria-describedby={d.by.clone()}
                        disabled={field.read_only} onchange={edit(|d, v, _| DateParts { day: v.parse().ok(), ..d })}>
                        <option value="">{ "—" }</option>
                        { numbers(1..=31, |n| n.to_string()) }
                    </select>
                </label>
                <label class="date-part date-month">
                    <span>{ lang.pick("เดือน", "Month") }</span>
                    <select id={format!("{id}-month")} ref={month} disabled={field.read_only}
                        onchange={edit(|d, v, _| DateParts { month: v.parse().ok(), ..d })}>
                        <option value="">{ "—" }</option>
                        { months }
                    </select>
                </label>
                <label class="date-part">
                    <span>{ lang.pick("ปี (พ.ศ.)", "Year") }</span>
                    <input id={format!("{id}-year")} type="text" inputmode="numeric" maxlength="4"
                        readonly={field.read_only} placeholder={lang.pick("2569", "2026")}
                        value={parts.shown_year(lang)} oninput={move |e: InputEvent| on_year(e.into())} />
                </label>
            </div>
            { error_text(error, d.error) }
            <span class="visually-hidden">{ i18n::DATE_HINT.get(lang) }</span>
        </fieldset>
    }
}
