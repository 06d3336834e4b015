//! A date in three parts, day, month and year, shown in the Buddhist Era in
//! Thai and the Common Era in English, and stored as ISO 8601.

use eservice_core::form::Field;
use eservice_core::thai_date::{month_name, DateParts};
use eservice_core::Lang;
use serde_json::Value;
use yew::prelude::*;

use super::field::{described_by, field_id, target_value, FieldEnv};
use super::form_fields::required_mark;
use crate::i18n;


pub fn date_view(field: &Field, env: &FieldEnv) -> Html {
    let lang = env.lang;
    let id = field_id(&field.pointer);
    let stored = Field::display(env.value);
    let parts = DateParts::parse(&stored);
    let (help_id, error_id, described) = described_by(field, env, &id);
    let invalid = env.error.as_ref().map(|_| "true");

    // Each part edits the stored date; a part cleared stays cleared.
    let edit = |change: fn(DateParts, &str, Lang) -> DateParts| {
        let (p, on_input, on_blur, stored) = (field.pointer.clone(), env.on_input.clone(), env.on_blur.clone(), stored.clone());
        Callback::from(move |e: Event| {
            let next = change(DateParts::parse(&stored), &target_value(&e), lang);
            on_input.emit((p.clone(), next.to_stored().map(Value::String)));
            if e.type_() == "change" {
                on_blur.emit(p.clone());
            }
        })
    };
    let on_day = edit(|d, v, _| DateParts { day: v.parse().ok(), ..d });
    let on_month = edit(|d, v, _| DateParts { month: v.parse().ok(), ..d });
    let on_year = edit(|d, v, lang| d.with_shown_year(v.trim().parse().ok(), lang));
    let on_year_input = on_year.reform(|e: InputEvent| e.into());
    let year_text = parts.shown_year(lang).map(|y| y.to_string()).unwrap_or_default();
    let year_label = lang.pick("ปี (พ.ศ.)", "Year");
    html! {
        <fieldset class={classes!("field", "field-date", env.error.as_ref().map(|_| "has-error"))}
            aria-describedby={described.clone()}>
            <legend>{ field.label.get(lang) }{ required_mark(field.required, lang) }</legend>
            { field.help.as_ref().map(|h| html! { <p class="field-help" id={help_id.clone()}>{ h.get(lang) }</p> }).unwrap_or_default() }
            <div class="date-parts">
                <label class="date-part">
                    <span>{ lang.pick("วันที่", "Day") }</span>
                    <select id={id.clone()} aria-invalid={invalid} aria-describedby={described.clone()} disabled={field.read_only} onchange={on_day}>
                        <option value="" selected={parts.day.is_none()}>{ "—" }</option>
                        { for (1..=31u32).map(|d| html! { <option value={d.to_string()} selected={parts.day == Some(d)}>{ d }</option> }) }
                    </select>
                </label>
                <label class="date-part date-month">
                    <span>{ lang.pick("เดือน", "Month") }</span>
                    <select id={format!("{id}-month")} disabled={field.read_only} onchange={on_month}>
                        <option value="" selected={parts.month.is_none()}>{ "—" }</option>
                        { for (1..=12u32).map(|m| html! { <option value={m.to_string()} selected={parts.month == Some(m)}>{ month_name(m, lang) }</option> }) }
                    </select>
                </label>
                <label class="date-part">
                    <span>{ year_label }</span>
                    <input id={format!("{id}-year")} type="text" inputmode="numeric" maxlength="4" value={year_text}
                        readonly={field.read_only}
                        placeholder={lang.pick("2569", "2026")} oninput={on_year_input} onchange={on_year} />
                </label>
            </div>
            { env.error.as_ref().map(|m| html! { <p class="field-error" id={error_id.clone()}>{ m }</p> }).unwrap_or_default() }
            <span class="visually-hidden">{ i18n::DATE_HINT.get(lang) }</span>
        </fieldset>
    }
}
