/** The form field of a box that removes a stored file (the private link's form; read in posted-files.ts). */
export const removeFieldName = (id: string) => `removeAttachment:${id}`;
