/**
 * RISE's units that work with clients: prisons and community sanctions offices, each in one of
 * RISE's criminal sanctions regions. Data, not code: a deployment that works with units not listed
 * here adds them in this one place.
 */
export interface RiseUnit {
  id: string;
  name: { fi: string; sv: string };
  kind: "prison" | "community-sanctions";
  region: RiseRegionId;
}

export const RISE_REGIONS = [
  { id: "rise-etela-suomi", name: { fi: "Etelä-Suomen rikosseuraamusalue", sv: "Södra Finlands brottspåföljdsregion" } },
  { id: "rise-lansi-suomi", name: { fi: "Länsi-Suomen rikosseuraamusalue", sv: "Västra Finlands brottspåföljdsregion" } },
  { id: "rise-ita-pohjois-suomi", name: { fi: "Itä- ja Pohjois-Suomen rikosseuraamusalue", sv: "Östra och Norra Finlands brottspåföljdsregion" } },
] as const;
export type RiseRegionId = (typeof RISE_REGIONS)[number]["id"];

export const RISE_UNITS = [
  { id: "rise-helsingin-vankila", name: { fi: "Helsingin vankila", sv: "Helsingfors fängelse" }, kind: "prison", region: "rise-etela-suomi" },
  { id: "rise-vantaan-vankila", name: { fi: "Vantaan vankila", sv: "Vanda fängelse" }, kind: "prison", region: "rise-etela-suomi" },
  { id: "rise-keravan-vankila", name: { fi: "Keravan vankila", sv: "Kervo fängelse" }, kind: "prison", region: "rise-etela-suomi" },
  { id: "rise-suomenlinnan-vankila", name: { fi: "Suomenlinnan vankila", sv: "Sveaborgs fängelse" }, kind: "prison", region: "rise-etela-suomi" },
  { id: "rise-riihimaen-vankila", name: { fi: "Riihimäen vankila", sv: "Riihimäki fängelse" }, kind: "prison", region: "rise-etela-suomi" },
  { id: "rise-hameenlinnan-vankila", name: { fi: "Hämeenlinnan vankila", sv: "Tavastehus fängelse" }, kind: "prison", region: "rise-etela-suomi" },
  { id: "rise-turun-vankila", name: { fi: "Turun vankila", sv: "Åbo fängelse" }, kind: "prison", region: "rise-lansi-suomi" },
  { id: "rise-satakunnan-vankila", name: { fi: "Satakunnan vankila", sv: "Satakunta fängelse" }, kind: "prison", region: "rise-lansi-suomi" },
  { id: "rise-vaasan-vankila", name: { fi: "Vaasan vankila", sv: "Vasa fängelse" }, kind: "prison", region: "rise-lansi-suomi" },
  { id: "rise-kylmakosken-vankila", name: { fi: "Kylmäkosken vankila", sv: "Kylmäkoski fängelse" }, kind: "prison", region: "rise-lansi-suomi" },
  { id: "rise-kuopion-vankila", name: { fi: "Kuopion vankila", sv: "Kuopio fängelse" }, kind: "prison", region: "rise-ita-pohjois-suomi" },
  { id: "rise-oulun-vankila", name: { fi: "Oulun vankila", sv: "Uleåborgs fängelse" }, kind: "prison", region: "rise-ita-pohjois-suomi" },
  { id: "rise-pelson-vankila", name: { fi: "Pelson vankila", sv: "Pelso fängelse" }, kind: "prison", region: "rise-ita-pohjois-suomi" },
  { id: "rise-helsingin-yks", name: { fi: "Helsingin yhdyskuntaseuraamustoimisto", sv: "Helsingfors samhällspåföljdsbyrå" }, kind: "community-sanctions", region: "rise-etela-suomi" },
  { id: "rise-vantaan-yks", name: { fi: "Vantaan yhdyskuntaseuraamustoimisto", sv: "Vanda samhällspåföljdsbyrå" }, kind: "community-sanctions", region: "rise-etela-suomi" },
  { id: "rise-turun-yks", name: { fi: "Turun yhdyskuntaseuraamustoimisto", sv: "Åbo samhällspåföljdsbyrå" }, kind: "community-sanctions", region: "rise-lansi-suomi" },
  { id: "rise-tampereen-yks", name: { fi: "Tampereen yhdyskuntaseuraamustoimisto", sv: "Tammerfors samhällspåföljdsbyrå" }, kind: "community-sanctions", region: "rise-lansi-suomi" },
  { id: "rise-kuopion-yks", name: { fi: "Kuopion yhdyskuntaseuraamustoimisto", sv: "Kuopio samhällspåföljdsbyrå" }, kind: "community-sanctions", region: "rise-ita-pohjois-suomi" },
  { id: "rise-oulun-yks", name: { fi: "Oulun yhdyskuntaseuraamustoimisto", sv: "Uleåborgs samhällspåföljdsbyrå" }, kind: "community-sanctions", region: "rise-ita-pohjois-suomi" },
] as const satisfies readonly RiseUnit[];

export type RiseUnitId = (typeof RISE_UNITS)[number]["id"];
