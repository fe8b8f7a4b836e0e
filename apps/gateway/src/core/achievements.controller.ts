import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AchievementHistoryView,
  AchievementListQuery,
  AchievementView,
  CORE_SUBJECTS,
  CreateAchievementRequest,
  ReturnAchievementRequest,
  UpdateAchievementRequest,
  versionFromIfMatch,
  type Page,
} from '@sakip/contracts';
import { RpcClient } from '@sakip/messaging';
import { Allow } from '../http/allow.decorator';
import { NoContent } from '../http/decorators';
import { IdParam } from '../http/id-param';
import { Paged } from '../http/paged';
import { rpcOptions, type AuthedRequest } from '../http/request';

const IF_MATCH = { name: 'If-Match', required: false, description: 'ETag from a previous read; a stale one → 412' };

/** Realizations and their workflow (API.md "Core performance": Achievements). */
@ApiTags('Achievements')
@ApiBearerAuth()
@Controller('achievements')
export class AchievementsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Allow('achievements.write')
  @ApiCreatedResponse({ type: AchievementView })
  create(@Body() body: CreateAchievementRequest, @Req() req: AuthedRequest) {
    return this.rpc.request<AchievementView>(CORE_SUBJECTS.achievementCreate, body, rpcOptions(req));
  }

  @Get()
  @Allow('achievements.read')
  @ApiOkResponse({ type: [AchievementView] })
  async list(@Query() query: AchievementListQuery, @Req() req: AuthedRequest) {
    return new Paged(await this.rpc.request<Page<AchievementView>>(CORE_SUBJECTS.achievementQuery, query, rpcOptions(req)));
  }

  @Get(':id')
  @Allow('achievements.read')
  @ApiOkResponse({ type: AchievementView })
  get(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.rpc.request<AchievementView>(CORE_SUBJECTS.achievementGet, { id: p.id }, rpcOptions(req));
  }

  /** Oldest first; creation is the row with fromStatus null. */
  @Get(':id/history')
  @Allow('achievements.read')
  @ApiOkResponse({ type: [AchievementHistoryView] })
  history(@Param() p: IdParam, @Req() req: AuthedRequest) {
    return this.rpc.request<AchievementHistoryView[]>(CORE_SUBJECTS.achievementHistory, { id: p.id }, rpcOptions(req));
  }

  /** Draft or revision only (else 409). */
  @Patch(':id')
  @Allow('achievements.write')
  @ApiOkResponse({ type: AchievementView })
  @ApiHeader(IF_MATCH)
  update(@Param() p: IdParam, @Body() body: UpdateAchievementRequest, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    return this.rpc.request<AchievementView>(CORE_SUBJECTS.achievementUpdate, { ...body, id: p.id, expectedVersion }, rpcOptions(req));
  }

  /** Draft only (else 409). */
  @Delete(':id')
  @Allow('achievements.write')
  @NoContent()
  @ApiHeader(IF_MATCH)
  async delete(@Param() p: IdParam, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    await this.rpc.request(CORE_SUBJECTS.achievementDelete, { id: p.id, expectedVersion }, rpcOptions(req));
  }

  /** draft | revision → submitted (the OPD, or super_admin). */
  @Post(':id/submit')
  @HttpCode(200)
  @Allow('achievements.write')
  @ApiOkResponse({ type: AchievementView })
  @ApiHeader(IF_MATCH)
  submit(@Param() p: IdParam, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    return this.rpc.request<AchievementView>(CORE_SUBJECTS.achievementSubmit, { id: p.id, expectedVersion }, rpcOptions(req));
  }

  /** submitted → verified (evaluators only). */
  @Post(':id/verify')
  @HttpCode(200)
  @Allow('achievements.verify')
  @ApiOkResponse({ type: AchievementView })
  @ApiHeader(IF_MATCH)
  verify(@Param() p: IdParam, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    return this.rpc.request<AchievementView>(CORE_SUBJECTS.achievementVerify, { id: p.id, expectedVersion }, rpcOptions(req));
  }

  /** submitted → revision with a note (evaluators only). */
  @Post(':id/return')
  @HttpCode(200)
  @Allow('achievements.verify')
  @ApiOkResponse({ type: AchievementView })
  @ApiHeader(IF_MATCH)
  return(@Param() p: IdParam, @Body() body: ReturnAchievementRequest, @Req() req: AuthedRequest) {
    const expectedVersion = versionFromIfMatch(req.headers['if-match']);
    return this.rpc.request<AchievementView>(CORE_SUBJECTS.achievementReturn, { ...body, id: p.id, expectedVersion }, rpcOptions(req));
  }
}
