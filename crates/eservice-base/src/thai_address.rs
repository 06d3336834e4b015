//! Thai addresses: province → district → subdistrict → postcode, from the
//! pinned dataset in `assets/data/thai-address.json` (loaded only by forms
//! that ask for the address cascade).

use serde_json::Value;

/// The property names of an address object that the cascade fills.
pub const PROVINCE: &str = "province";
pub const DISTRICT: &str = "district";
pub const SUBDISTRICT: &str = "subdistrict";
pub const POSTCODE: &str = "postcode";

struct District {
    name: String,
    /// Subdistricts with their postcodes; a few subdistricts have two.
    subdistricts: Vec<(String, String)>,
}

struct Province {
    name: String,
    districts: Vec<District>,
}

/// The dataset, read once.
pub struct Dataset {
    provinces: Vec<Province>,
}

fn names(v: &Value) -> Option<&Vec<Value>> {
    v.as_array()
}

impl Dataset {
    /// Reads `{"provinces": [[name, [[district, [[subdistrict, postcode]…]]…]]…]}`.
    pub fn from_json(v: &Value) -> Option<Dataset> {
        let provinces = names(v.get("provinces")?)?
            .iter()
            .map(|p| {
                Some(Province {
                    name: p.get(0)?.as_str()?.to_owned(),
                    districts: names(p.get(1)?)?
                        .iter()
                        .map(|d| {
                            Some(District {
                                name: d.get(0)?.as_str()?.to_owned(),
                                subdistricts: names(d.get(1)?)?
                                    .iter()
                                    .map(|s| Some((s.get(0)?.as_str()?.to_owned(), s.get(1)?.as_str()?.to_owned())))
                                    .collect::<Option<_>>()?,
                            })
                        })
                        .collect::<Option<_>>()?,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        (!provinces.is_empty()).then_some(Dataset { provinces })
    }

    pub fn provinces(&self) -> Vec<&str> {
        self.provinces.iter().map(|p| p.name.as_str()).collect()
    }

    fn province(&self, name: &str) -> Option<&Province> {
        self.provinces.iter().find(|p| p.name == name)
    }

    pub fn districts(&self, province: &str) -> Vec<&str> {
        self.province(province).map(|p| p.districts.iter().map(|d| d.name.as_str()).collect()).unwrap_or_default()
    }

    /// The subdistricts of a district, each once.
    pub fn subdistricts(&self, province: &str, district: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for (s, _) in self.district(province, district).map(|d| d.subdistricts.as_slice()).unwrap_or_default() {
            if !out.contains(&s.as_str()) {
                out.push(s);
            }
        }
        out
    }

    /// The postcodes of a subdistrict (usually one).
    pub fn postcodes(&self, province: &str, district: &str, subdistrict: &str) -> Vec<&str> {
        self.district(province, district)
            .map(|d| d.subdistricts.iter().filter(|(s, _)| s == subdistrict).map(|(_, z)| z.as_str()).collect())
            .unwrap_or_default()
    }

    fn district(&self, province: &str, district: &str) -> Option<&District> {
        self.province(province)?.districts.iter().find(|d| d.name == district)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn data() -> Dataset {
        Dataset::from_json(&json!({"provinces": [
            ["กรุงเทพมหานคร", [["บางรัก", [["สีลม", "10500"], ["สุริยวงศ์", "10500"]]]]],
            ["เชียงใหม่", [["เมืองเชียงใหม่", [["ช้างคลาน", "50100"], ["ช้างเผือก", "50300"], ["ช้างเผือก", "50302"]]]]]
        ]}))
        .unwrap()
    }

    #[test]
    fn cascades() {
        let d = data();
        assert_eq!(d.provinces(), ["กรุงเทพมหานคร", "เชียงใหม่"]);
        assert_eq!(d.districts("เชียงใหม่"), ["เมืองเชียงใหม่"]);
        assert_eq!(d.subdistricts("เชียงใหม่", "เมืองเชียงใหม่"), ["ช้างคลาน", "ช้างเผือก"]);
        assert_eq!(d.postcodes("เชียงใหม่", "เมืองเชียงใหม่", "ช้างเผือก"), ["50300", "50302"]);
        assert!(d.districts("ไม่มี").is_empty());
    }

    #[test]
    fn refuses_other_shapes() {
        assert!(Dataset::from_json(&json!({"provinces": []})).is_none());
        assert!(Dataset::from_json(&json!({"provinces": [["x", "y"]]})).is_none());
        assert!(Dataset::from_json(&json!([])).is_none());
    }

    #[test]
    fn the_shipped_dataset_reads() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/data/thai-address.json");
        let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let d = Dataset::from_json(&v).unwrap();
        assert_eq!(d.provinces().len(), 77);
        assert_eq!(d.postcodes("กรุงเทพมหานคร", "บางรัก", "สีลม"), ["10500"]);
    }
}
