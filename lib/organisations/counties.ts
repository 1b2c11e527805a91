/**
 * Finland's 21 wellbeing services counties and the City of Helsinki, each the controller of its
 * own clients' social-care data (Act 616/2021 § 7). Every county but the four of Uusimaa is the
 * municipalities of one region (maakunta); Uusimaa's municipalities are split by name in the act.
 * `region` is Statistics Finland's region code as Posti's postal code data gives it
 * (municipalities.ts reads that data).
 */
export interface County {
  id: string;
  name: { fi: string; sv: string };
  /** the region whose municipalities make up the county, or, in Uusimaa, the municipality codes */
  members: { region: string } | { municipalities: readonly string[] };
}

export const COUNTIES = [
  { id: "hva-varsinais-suomi", name: { fi: "Varsinais-Suomen hyvinvointialue", sv: "Egentliga Finlands välfärdsområde" }, members: { region: "FI1C1" } },
  { id: "hva-satakunta", name: { fi: "Satakunnan hyvinvointialue", sv: "Satakunta välfärdsområde" }, members: { region: "FI196" } },
  { id: "hva-kanta-hame", name: { fi: "Kanta-Hämeen hyvinvointialue", sv: "Egentliga Tavastlands välfärdsområde" }, members: { region: "FI1C2" } },
  { id: "hva-pirkanmaa", name: { fi: "Pirkanmaan hyvinvointialue", sv: "Birkalands välfärdsområde" }, members: { region: "FI197" } },
  { id: "hva-paijat-hame", name: { fi: "Päijät-Hämeen hyvinvointialue", sv: "Päijänne-Tavastlands välfärdsområde" }, members: { region: "FI1C3" } },
  { id: "hva-kymenlaakso", name: { fi: "Kymenlaakson hyvinvointialue", sv: "Kymmenedalens välfärdsområde" }, members: { region: "FI1C4" } },
  { id: "hva-etela-karjala", name: { fi: "Etelä-Karjalan hyvinvointialue", sv: "Södra Karelens välfärdsområde" }, members: { region: "FI1C5" } },
  { id: "hva-etela-savo", name: { fi: "Etelä-Savon hyvinvointialue", sv: "Södra Savolax välfärdsområde" }, members: { region: "FI1D1" } },
  { id: "hva-pohjois-savo", name: { fi: "Pohjois-Savon hyvinvointialue", sv: "Norra Savolax välfärdsområde" }, members: { region: "FI1D2" } },
  { id: "hva-pohjois-karjala", name: { fi: "Pohjois-Karjalan hyvinvointialue", sv: "Norra Karelens välfärdsområde" }, members: { region: "FI1D3" } },
  { id: "hva-keski-suomi", name: { fi: "Keski-Suomen hyvinvointialue", sv: "Mellersta Finlands välfärdsområde" }, members: { region: "FI193" } },
  { id: "hva-etela-pohjanmaa", name: { fi: "Etelä-Pohjanmaan hyvinvointialue", sv: "Södra Österbottens välfärdsområde" }, members: { region: "FI194" } },
  { id: "hva-pohjanmaa", name: { fi: "Pohjanmaan hyvinvointialue", sv: "Österbottens välfärdsområde" }, members: { region: "FI195" } },
  { id: "hva-keski-pohjanmaa", name: { fi: "Keski-Pohjanmaan hyvinvointialue", sv: "Mellersta Österbottens välfärdsområde" }, members: { region: "FI1D5" } },
  { id: "hva-pohjois-pohjanmaa", name: { fi: "Pohjois-Pohjanmaan hyvinvointialue", sv: "Norra Österbottens välfärdsområde" }, members: { region: "FI1D9" } },
  { id: "hva-kainuu", name: { fi: "Kainuun hyvinvointialue", sv: "Kajanalands välfärdsområde" }, members: { region: "FI1D8" } },
  { id: "hva-lappi", name: { fi: "Lapin hyvinvointialue", sv: "Lapplands välfärdsområde" }, members: { region: "FI1D7" } },
  // Uusimaa (act 616/2021 § 7, points 18–21) by municipality code: Askola, Lapinjärvi, Loviisa,
  // Myrskylä, Porvoo, Pukkila, Sipoo
  { id: "hva-ita-uusimaa", name: { fi: "Itä-Uudenmaan hyvinvointialue", sv: "Östra Nylands välfärdsområde" }, members: { municipalities: ["018", "407", "434", "504", "638", "616", "753"] } },
  // Hyvinkää, Järvenpää, Mäntsälä, Nurmijärvi, Pornainen, Tuusula
  { id: "hva-keski-uusimaa", name: { fi: "Keski-Uudenmaan hyvinvointialue", sv: "Mellersta Nylands välfärdsområde" }, members: { municipalities: ["106", "186", "505", "543", "611", "858"] } },
  // Espoo, Hanko, Inkoo, Karkkila, Kauniainen, Kirkkonummi, Lohja, Raasepori, Siuntio, Vihti
  { id: "hva-lansi-uusimaa", name: { fi: "Länsi-Uudenmaan hyvinvointialue", sv: "Västra Nylands välfärdsområde" }, members: { municipalities: ["049", "078", "149", "224", "235", "257", "444", "710", "755", "927"] } },
  // Vantaa, Kerava
  { id: "hva-vantaa-kerava", name: { fi: "Vantaan ja Keravan hyvinvointialue", sv: "Vanda och Kervo välfärdsområde" }, members: { municipalities: ["092", "245"] } },
  // the city organises social and health care itself (act 616/2021 § 9)
  { id: "helsinki", name: { fi: "Helsingin kaupunki", sv: "Helsingfors stad" }, members: { municipalities: ["091"] } },
] as const satisfies readonly County[];

export type CountyId = (typeof COUNTIES)[number]["id"];
