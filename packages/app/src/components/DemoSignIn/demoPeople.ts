/**
 * Who a demo visitor can be. A readiness review needs two people (its DRI
 * and a reviewer from another group), so the demo lets a visitor pick one;
 * the backend's `demoPeople` provider accepts exactly these names.
 */
export interface DemoPerson {
  /** Catalog user name; `guest` signs in with the guest provider. */
  name: string;
  label: string;
  role: string;
}

export const DEMO_PEOPLE: DemoPerson[] = [
  { name: 'guest', label: 'Guest', role: 'Browse the portal' },
  {
    name: 'alice',
    label: 'Alice Andersen',
    role: 'Payments: service owner, opens reviews',
  },
  { name: 'dana', label: 'Dana Diaz', role: 'Payments: service owner' },
  { name: 'erin', label: 'Erin Evans', role: 'SRE: signs off reviews' },
  { name: 'grace', label: 'Grace Gupta', role: 'SRE: signs off reviews' },
  {
    name: 'frank',
    label: 'Frank Fischer',
    role: 'Security: signs off reviews',
  },
];

/** Sent with every session refresh; the backend provider reads it. */
export const DEMO_PERSON_HEADER = 'x-preflight-demo-person';

const STORAGE_KEY = 'preflight-demo-person';

/** The person picked last in this browser, so a reload does not ask again. */
export function storedDemoPerson(): DemoPerson | undefined {
  const name = window.localStorage.getItem(STORAGE_KEY);
  return DEMO_PEOPLE.find(p => p.name === name);
}

export function storeDemoPerson(person: DemoPerson | undefined): void {
  if (person) {
    window.localStorage.setItem(STORAGE_KEY, person.name);
  } else {
    window.localStorage.removeItem(STORAGE_KEY);
  }
}
