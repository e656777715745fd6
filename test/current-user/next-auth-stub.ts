// Auth.js replaced for lib/current-user.int.test.ts's probe: auth() answers one signed-in session and counts its calls.
// Signing a JWT and reading a cookie are Auth.js's business; the count of auth() calls is the count of currentUser()'s reads.
const g = globalThis as unknown as { authCalls: number; authSession: unknown };
g.authCalls = 0;

export class CredentialsSignin extends Error {}
export default function NextAuth() {
  const auth = async () => {
    g.authCalls++;
    return g.authSession;
  };
  return { handlers: {}, auth, signIn: async () => undefined, signOut: async () => undefined };
}
export const encode = async () => "";
export const Credentials = (o: unknown) => o;
