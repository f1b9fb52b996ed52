import { isSafeDeclarationName, toFunctionName, toTypeName } from '../../generator/model/identifiers';
import { NameRegistry } from '../../generator/model/nameRegistry';

describe('identifiers', () => {
  it.each([
    ['ContainerRegistryResponse', 'ContainerRegistryResponse'],
    ['user-profile', 'UserProfile'],
    ['user.Profile_v2', 'UserProfileV2'],
    ['200Response', '_200Response'],
    ['pet', 'Pet'],
  ])('type name of %s is %s', (text, expected) => {
    expect(toTypeName(text)).toBe(expected);
  });

  it.each([
    ['createContainerRegistry', 'createContainerRegistry'],
    ['Users_List', 'users_List'],
    ['get-user by id', 'getUserById'],
  ])('function name of %s is %s', (text, expected) => {
    expect(toFunctionName(text)).toBe(expected);
  });

  it.each(['then', 'Promise', 'class', 'constructor', '__proto__', 'string'])('%s is not safe to declare', (name) => {
    expect(isSafeDeclarationName(name)).toBe(false);
  });
});

describe('NameRegistry', () => {
  it('suffixes taken and unsafe names deterministically and reports the rename', () => {
    const reports: string[] = [];
    const names = new NameRegistry(['ApiError']);
    const report = (d: { message: string }): void => void reports.push(d.message);
    expect(names.claim('Pet', { report })).toBe('Pet');
    expect(names.claim('Pet', { report })).toBe('Pet2');
    expect(names.claim('ApiError', { report })).toBe('ApiError2');
    expect(names.claim('Promise', { report })).toBe('Promise2');
    expect(reports).toHaveLength(3);
  });

  it('keeps names that are file names unique ignoring case', () => {
    const names = new NameRegistry();
    expect(names.claim('Pet', { folder: 'models' })).toBe('Pet');
    expect(names.claim('PET', { folder: 'models' })).toBe('PET2');
    expect(names.claim('Index', { folder: 'models' })).toBe('Index2');
  });
});
