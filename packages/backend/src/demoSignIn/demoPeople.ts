/**
 * The people of the example fleet a demo visitor may sign in as, so that a
 * readiness review can be walked through by its DRI and then signed off by a
 * reviewer: separation of duties needs two identities. Demo only.
 */
export const DEMO_PEOPLE = ['alice', 'dana', 'erin', 'frank', 'grace'] as const;

/** The request header the demo sign-in page sends with the chosen person. */
export const DEMO_PERSON_HEADER = 'x-preflight-demo-person';
