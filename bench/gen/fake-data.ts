/** Synthetic but plausible German personal data. No real person, practice or patient. */

export const FIRST_NAMES_F = [
  'Anna', 'Maria', 'Ursula', 'Monika', 'Petra', 'Sabine', 'Claudia', 'Susanne', 'Andrea', 'Birgit',
  'Karin', 'Renate', 'Jutta', 'Gisela', 'Brigitte', 'Julia', 'Katharina', 'Lena', 'Sophie', 'Hannah',
  'Leonie', 'Marie', 'Jana', 'Sandra', 'Nicole', 'Stefanie', 'Christiane', 'Bärbel', 'Jördis', 'Anneliese',
];
export const FIRST_NAMES_M = [
  'Peter', 'Michael', 'Thomas', 'Andreas', 'Wolfgang', 'Klaus', 'Jürgen', 'Günter', 'Stefan', 'Hans',
  'Uwe', 'Frank', 'Bernd', 'Dieter', 'Matthias', 'Jörg', 'Lukas', 'Felix', 'Jonas', 'Maximilian',
  'Paul', 'Leon', 'Tobias', 'Sebastian', 'Florian', 'Christian', 'Björn', 'Horst', 'Rüdiger', 'Karl-Heinz',
];
export const LAST_NAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann',
  'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Schmitz', 'Krause', 'Meier',
  'Lehmann', 'Schmid', 'Schulze', 'Maier', 'Köhler', 'Herrmann', 'König', 'Walter', 'Mayer', 'Huber',
  'Kaiser', 'Fuchs', 'Peters', 'Lang', 'Scholz', 'Möller', 'Weiß', 'Jung', 'Hahn', 'Vogel',
  'Friedrich', 'Keller', 'Günther', 'Frank', 'Berger', 'Winkler', 'Roth', 'Beck', 'Lorenz', 'Baumann',
  'Großmann', 'Jäger', 'Böhm', 'Förster', 'Öztürk', 'Nowak', 'Kowalski', 'Yilmaz', 'Dabrowski', 'Åberg',
];
export const STREETS = [
  'Hauptstraße', 'Schulstraße', 'Gartenstraße', 'Bahnhofstraße', 'Dorfstraße', 'Bergstraße', 'Birkenweg',
  'Lindenstraße', 'Kirchstraße', 'Waldstraße', 'Ringstraße', 'Schillerstraße', 'Goethestraße', 'Am Markt',
  'Mühlenweg', 'Rosenstraße', 'Friedrich-Ebert-Straße', 'Königsallee', 'Kurfürstendamm', 'Maximilianstraße',
  'Jahnstraße', 'Buchenweg', 'Eichendorffstraße', 'Am Bürgerpark', 'Lößnitzgrund', 'Große Brüdergasse',
];
export const CITIES: readonly (readonly [string, string])[] = [
  ['10115', 'Berlin'], ['20095', 'Hamburg'], ['80331', 'München'], ['50667', 'Köln'], ['60311', 'Frankfurt am Main'],
  ['70173', 'Stuttgart'], ['40213', 'Düsseldorf'], ['44135', 'Dortmund'], ['45127', 'Essen'], ['04109', 'Leipzig'],
  ['28195', 'Bremen'], ['01067', 'Dresden'], ['30159', 'Hannover'], ['90402', 'Nürnberg'], ['47051', 'Duisburg'],
  ['44787', 'Bochum'], ['42103', 'Wuppertal'], ['33602', 'Bielefeld'], ['53111', 'Bonn'], ['48143', 'Münster'],
  ['76133', 'Karlsruhe'], ['68159', 'Mannheim'], ['86150', 'Augsburg'], ['65183', 'Wiesbaden'], ['41061', 'Mönchengladbach'],
  ['38100', 'Braunschweig'], ['24103', 'Kiel'], ['09111', 'Chemnitz'], ['06108', 'Halle (Saale)'], ['39104', 'Magdeburg'],
  ['79098', 'Freiburg im Breisgau'], ['23552', 'Lübeck'], ['99084', 'Erfurt'], ['18055', 'Rostock'], ['55116', 'Mainz'],
  ['97070', 'Würzburg'], ['37073', 'Göttingen'], ['89073', 'Ulm'], ['93047', 'Regensburg'], ['83022', 'Rosenheim'],
];
export const TITLES = ['Dr.', 'Prof. Dr.', 'Dr. med.', 'Dipl.-Ing.'];
export const EMAIL_DOMAINS = ['example.de', 'example.org', 'example.com', 'beispiel.de'];

export const DIAGNOSES: readonly (readonly [string, string])[] = [
  ['J06.9', 'Akute Infektion der oberen Atemwege'],
  ['I10.90', 'Essentielle Hypertonie'],
  ['E11.9', 'Diabetes mellitus Typ 2 ohne Komplikationen'],
  ['M54.5', 'Kreuzschmerz'],
  ['K29.7', 'Gastritis'],
  ['R10.4', 'Bauchschmerzen'],
  ['E78.0', 'Reine Hypercholesterinämie'],
  ['Z00.0', 'Ärztliche Allgemeinuntersuchung'],
  ['M25.56', 'Gelenkschmerz, Knie'],
  ['K76.0', 'Fettleber'],
  ['N39.0', 'Harnwegsinfektion'],
  ['F43.2', 'Anpassungsstörung'],
];

export const PRACTICES = [
  { title: 'Dr. med.', first: 'Katrin', last: 'Brückner', field: 'Innere Medizin' },
  { title: 'Dr. med.', first: 'Henning', last: 'Oberländer', field: 'Allgemeinmedizin' },
  { title: 'Prof. Dr. med.', first: 'Sören', last: 'Weißenfels', field: 'Orthopädie' },
  { title: 'Dr. med.', first: 'Aylin', last: 'Demir', field: 'Innere Medizin' },
] as const;
