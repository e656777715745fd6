// For the admin's page: recent invitations and every delegate, by country.
import { db } from "@/lib/db";

export async function listInvitations() {
  return db.invitation.findMany({
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      country: true,
      delegationRole: true,
      createdAt: true,
      expiresAt: true,
      acceptedAt: true,
      invitedBy: { select: { name: true } },
    },
  });
}

export async function listDelegates() {
  return db.appUser.findMany({
    where: { role: "delegate", disabledAt: null },
    orderBy: [{ country: "asc" }, { delegationRole: "desc" }, { name: "asc" }],
    select: { id: true, email: true, name: true, country: true, delegationRole: true },
  });
}
