// Steps on the agent desktop (/agent) that more than one end-to-end test
// takes: the agent's state, the complaint's required fields, a complaint
// case with redress. `m` is the language's messages (lib/messages.mjs).
import assert from 'node:assert/strict';

export async function stateIs(page, state) {
  await page.locator(`[data-testid="agent-state"][data-state="${state}"]`).waitFor();
}

// Waits for an offer (see waitForOffer) and accepts it with a click;
// returns the contact id once its pane is on the desk.
export async function acceptOffer(page, m, server) {
  const offer = await waitForOffer(page, server);
  const contact = await offer.getAttribute('data-offer');
  await offer.getByRole('button', { name: m['agent.offer.accept'] }).click();
  await page.locator(`article[data-contact="${contact}"]`).waitFor();
  return contact;
}

// What the desk knew when an expected offer did not show: its store (offers,
// contacts, state, live connection), the live frames the page received (if
// recordLiveFrames ran in it), the agent snapshots it read, and the tail of
// the server's log.
export async function deskReport(page, server) {
  const inPage = await page
    .evaluate(() => ({
      desk: globalThis.tamasDeskDebug?.() ?? null,
      frames: globalThis.liveFrames_ ?? null,
      url: location.href,
      dir: document.dir,
    }))
    .catch((e) => ({ error: String(e) }));
  return [
    `desk: ${JSON.stringify(inPage.desk ?? inPage, null, 1)}`,
    `live frames (t = page ms): ${JSON.stringify(inPage.frames)}`,
    `page: ${inPage.url} dir=${inPage.dir}`,
    server ? `server log (${server.logFile}), last lines:\n${server.logTail(60)}` : 'server log: not given',
  ].join('\n');
}

// Waits for the first offer card; on timeout fails with deskReport().
export async function waitForOffer(page, server, timeout = 15000) {
  const offer = page.locator('[data-offer]').first();
  try {
    await offer.waitFor({ timeout });
  } catch (e) {
    assert.fail(`${e.message}\n--- no offer on the desk; what it knew:\n${await deskReport(page, server)}`);
  }
  return offer;
}

// Fills the complaint type's five required fields of `contact`.
export async function fillComplaint(page, contact, { vin, mobile }) {
  await page.locator(`#f-${contact}-vehicle_model`).selectOption('kavir_sedan');
  await page.locator(`#f-${contact}-vin`).fill(vin);
  await page.locator(`#f-${contact}-mobile`).fill(mobile);
  await page.locator(`#f-${contact}-province`).selectOption('tehran');
  await page.locator(`#f-${contact}-description`).fill('صدای غیرعادی موتور');
}

// Reclassifies the selected contact as a complaint and captures valid fields.
export async function captureComplaint(page, contact, m, values) {
  await page.getByLabel(m['agent.fields.type']).selectOption('complaint');
  await fillComplaint(page, contact, values);
  await page.getByRole('button', { name: m['agent.fields.check'] }).click();
  await page.getByText(m['agent.fields.ok']).waitFor();
}

// Opens the complaint case (fields already valid) and records its redress.
export async function openComplaintCase(page, m, subject) {
  assert.equal(await page.getByLabel(m['agent.case.kind']).inputValue(), 'complaint');
  await page.getByLabel(m['agent.case.category']).selectOption('complaint/product_quality');
  await page.getByLabel(m['agent.case.subject']).fill(subject);
  await page.getByRole('button', { name: m['agent.case.open'] }).click();
  await page.getByTestId('case-summary').waitFor();
  const summary = await page.getByTestId('case-summary').textContent();
  assert.ok(summary.includes(m['agent.kind.complaint']), summary);
  await page.getByLabel(m['agent.redress.remedy']).selectOption('repair');
  await page.getByRole('button', { name: m['agent.redress.save'] }).click();
  await page.getByText(m['agent.redress.saved']).waitFor();
}
