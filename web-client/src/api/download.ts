/** Saves a downloaded file (fetched with the bearer token, so a plain link cannot do it) under the given name. */
export async function saveAs(response: Response, filename: string): Promise<void> {
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
