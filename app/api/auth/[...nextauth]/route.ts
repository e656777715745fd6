// Auth.js's own endpoints (session, CSRF token, sign-out). Public by nature.
import { handlers } from "@/lib/auth";

export const { GET, POST } = handlers;
