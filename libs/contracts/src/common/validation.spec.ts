import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Min, ValidateNested, type ValidationError } from 'class-validator';
import { CreateUserRequest, LoginRequest, UserListQuery } from '../auth/dto';
import { DomainError, ErrorCode } from './errors';
import { createValidationPipe, toDetails, validateDto } from './validation';

class Address {
  @IsString() @Length(1, 10)
  city: string;

  @IsInt() @Min(0)
  floor: number;
}

class Profile {
  @IsString()
  name: string;

  @ValidateNested() @Type(() => Address)
  address: Address;
}

/** Runs `fn`, expects a VALIDATION_FAILED DomainError, and returns it. */
function validationError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe(ErrorCode.ValidationFailed);
    return err as DomainError;
  }
  throw new Error('expected VALIDATION_FAILED');
}

const fieldsOf = (err: DomainError) => [...new Set(err.details.map((d) => d.field))].sort();

describe('validateDto', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'email=a@b.c'],
    ['a number', 42],
    ['an array', [{ email: 'a@b.c', password: 'x' }]],
  ])('refuses %s as a body', (_label, body) => {
    const err = validationError(() => validateDto(LoginRequest, body));
    expect(err.message).toBe('Request body must be a JSON object');
    expect(err.details).toEqual([]);
  });

  it('refuses unknown fields, naming them', () => {
    const err = validationError(() => validateDto(LoginRequest, { email: 'a@pemda.go.id', password: 'x', role: 'super_admin' }));

    expect(err.details).toEqual([{ field: 'role', message: 'property role should not exist' }]);
  });

  it('gives one detail per broken rule with the field name', () => {
    const err = validationError(() => validateDto(LoginRequest, { email: 'not-an-email' }));

    expect(fieldsOf(err)).toEqual(['email', 'password']);
    for (const d of err.details) expect(typeof d.message).toBe('string');
  });

  it('flattens nested fields as a.b', () => {
    const err = validationError(() => validateDto(Profile, { name: 'n', address: { city: '', floor: -1, zip: '123' } }));

    expect(fieldsOf(err)).toEqual(['address.city', 'address.floor', 'address.zip']);
    expect(err.details).toContainEqual({ field: 'address.zip', message: 'property zip should not exist' });
  });

  it('returns an instance of the DTO class on success', () => {
    const ok = validateDto(Profile, { name: 'n', address: { city: 'Bandung', floor: 2 } });

    expect(ok).toBeInstanceOf(Profile);
    expect(ok.address).toBeInstanceOf(Address);
    expect(ok.address.floor).toBe(2);
  });
});

describe('toDetails', () => {
  it('walks children to any depth and keeps every message', () => {
    const tree = [
      {
        property: 'a',
        constraints: { isObject: 'a must be an object' },
        children: [{ property: 'b', children: [{ property: 'c', constraints: { isInt: 'c must be an integer', min: 'c must not be less than 0' } }] }],
      },
      { property: 'd', constraints: { isString: 'd must be a string' } },
    ] as unknown as ValidationError[];

    expect(toDetails(tree)).toEqual([
      { field: 'a', message: 'a must be an object' },
      { field: 'a.b.c', message: 'c must be an integer' },
      { field: 'a.b.c', message: 'c must not be less than 0' },
      { field: 'd', message: 'd must be a string' },
    ]);
  });
});

describe('LoginRequest', () => {
  it('trims and lowercases the e-mail', () => {
    const dto = validateDto(LoginRequest, { email: '  Admin@Pemda.GO.ID  ', password: 'secret' });

    expect(dto).toBeInstanceOf(LoginRequest);
    expect(dto.email).toBe('admin@pemda.go.id');
    expect(dto.password).toBe('secret');
  });

  it('does not trim the password', () => {
    expect(validateDto(LoginRequest, { email: 'a@pemda.go.id', password: ' pw ' }).password).toBe(' pw ');
  });

  it('refuses an empty or over-long password', () => {
    expect(fieldsOf(validationError(() => validateDto(LoginRequest, { email: 'a@pemda.go.id', password: '' })))).toEqual(['password']);
    expect(fieldsOf(validationError(() => validateDto(LoginRequest, { email: 'a@pemda.go.id', password: 'x'.repeat(129) })))).toEqual([
      'password',
    ]);
  });
});

describe('CreateUserRequest', () => {
  const valid = { email: 'New.User@Pemda.go.id', name: '  Siti  ', password: 'p'.repeat(12), role: 'viewer' };

  it('accepts a valid request and normalises it', () => {
    const dto = validateDto(CreateUserRequest, valid);

    expect(dto.email).toBe('new.user@pemda.go.id');
    expect(dto.name).toBe('Siti');
  });

  it.each([12, 128])('accepts a password of %i characters', (n) => {
    expect(validateDto(CreateUserRequest, { ...valid, password: 'p'.repeat(n) }).password).toHaveLength(n);
  });

  it.each([0, 11, 129])('refuses a password of %i characters', (n) => {
    expect(fieldsOf(validationError(() => validateDto(CreateUserRequest, { ...valid, password: 'p'.repeat(n) })))).toEqual(['password']);
  });

  it('refuses a name that is only blanks', () => {
    expect(fieldsOf(validationError(() => validateDto(CreateUserRequest, { ...valid, name: '   ' })))).toEqual(['name']);
  });

  it('refuses an unknown role', () => {
    expect(fieldsOf(validationError(() => validateDto(CreateUserRequest, { ...valid, role: 'root' })))).toEqual(['role']);
  });

  it('accepts a null or UUID opdId and refuses anything else', () => {
    expect(validateDto(CreateUserRequest, { ...valid, opdId: null }).opdId).toBeNull();
    expect(validateDto(CreateUserRequest, { ...valid, opdId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' }).opdId).toBe(
      '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    );
    expect(fieldsOf(validationError(() => validateDto(CreateUserRequest, { ...valid, opdId: 'opd-1' })))).toEqual(['opdId']);
  });
});

describe('UserListQuery', () => {
  it('accepts an empty query', () => {
    const q = validateDto(UserListQuery, {});
    expect(q.limit).toBeUndefined();
    expect(q.offset).toBeUndefined();
  });

  it.each([
    ['1', 1],
    ['100', 100],
  ])('converts limit %p from the query string', (raw, n) => {
    expect(validateDto(UserListQuery, { limit: raw }).limit).toBe(n);
  });

  it.each(['0', '101', '-1', '1.5', 'abc'])('refuses limit %p', (raw) => {
    expect(fieldsOf(validationError(() => validateDto(UserListQuery, { limit: raw })))).toEqual(['limit']);
  });

  it('accepts offset 0 and refuses a negative one', () => {
    expect(validateDto(UserListQuery, { offset: '0' }).offset).toBe(0);
    expect(fieldsOf(validationError(() => validateDto(UserListQuery, { offset: '-1' })))).toEqual(['offset']);
  });

  it.each(['email', '-email', 'name', 'role', 'createdAt', '-updatedAt'])('accepts sort %p', (sort) => {
    expect(validateDto(UserListQuery, { sort }).sort).toBe(sort);
  });

  it.each(['password', '-passwordHash', 'id', 'email desc', 'email;drop table users', '--email', ''])('refuses sort %p', (sort) => {
    expect(fieldsOf(validationError(() => validateDto(UserListQuery, { sort })))).toEqual(['sort']);
  });

  it.each([
    ['true', true],
    ['false', false],
    [true, true],
    [false, false],
  ])('reads isActive %p as %p', (raw, expected) => {
    expect(validateDto(UserListQuery, { isActive: raw }).isActive).toBe(expected);
  });

  it.each(['yes', '1', 'TRUE', ''])('refuses isActive %p', (raw) => {
    expect(fieldsOf(validationError(() => validateDto(UserListQuery, { isActive: raw })))).toEqual(['isActive']);
  });

  it('refuses an unknown filter', () => {
    expect(fieldsOf(validationError(() => validateDto(UserListQuery, { password: 'x' })))).toEqual(['password']);
  });
});

describe('createValidationPipe', () => {
  const pipe = createValidationPipe();

  it('transforms a valid body into the DTO', async () => {
    const out = await pipe.transform({ email: ' A@Pemda.go.id', password: 'pw' }, { type: 'body', metatype: LoginRequest });

    expect(out).toBeInstanceOf(LoginRequest);
    expect(out.email).toBe('a@pemda.go.id');
  });

  it('rejects with VALIDATION_FAILED and field details, refusing unknown fields', async () => {
    const err = await pipe.transform({ email: 'a@pemda.go.id', password: 'pw', admin: true }, { type: 'body', metatype: LoginRequest }).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe(ErrorCode.ValidationFailed);
    expect((err as DomainError).details).toEqual([{ field: 'admin', message: 'property admin should not exist' }]);
  });
});
