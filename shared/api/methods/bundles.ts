import { z } from 'zod';
import {
  bundleApplyDto,
  bundleApplyInput,
  bundleExportDto,
  bundleExportInput,
  bundleHistoryDto,
  bundleHistoryInput,
  bundleImportDto,
  bundlePreviewDto,
  bundlePreviewInput,
  keysDto,
  trustedKeyDto,
  trustSenderInput,
} from '../schemas/bundles';
import { method } from './define';

/** Partner bundles (issue 7): exchange the plan as signed files, preview and merge, undo. */
export const bundleMethods = {
  'bundle:export': method(
    bundleExportInput,
    bundleExportDto,
    'Makes a signed bundle of the whole cycle or of one partner’s part, and says what personal data it carries.',
  ),
  'bundle:preview': method(
    bundlePreviewInput,
    bundlePreviewDto,
    'Checks a bundle and shows what importing it would add, change, delete, and which rows conflict or are refused; writes nothing.',
  ),
  'bundle:apply': method(bundleApplyInput, bundleApplyDto, 'Imports a bundle whose conflicts are resolved, after a verified backup, in one transaction.'),
  'bundle:history': method(bundleHistoryInput, bundleHistoryDto, 'Lists the bundles imported, newest first, and whether the last can be undone.'),
  'bundle:undo': method(z.strictObject({}), bundleImportDto, 'Undoes the last import by restoring the backup taken just before it.'),
  'bundle:keys': method(z.strictObject({}), keysDto, 'This copy’s key fingerprint, whom it speaks for, and the senders it trusts.'),
  'bundle:trust': method(trustSenderInput, trustedKeyDto, 'Trusts the key that signed a bundle, once its fingerprint was confirmed with the sender.'),
};
